/**
 * What the validator page says while a hub signs in and sends a checked file on AWS (see
 * `site/client/upload/upload-client.ts`), in every language of the site. Kept beside the page catalogues, in a
 * catalogue of its own, so that the upload flow can be added to a page with one lookup.
 */
import type { Language } from "./catalogue.js";

/** The upload flow's texts in one language. */
export interface UploadMessages {
  readonly signIn: string;
  readonly signOut: string;
  /** `hub` is undefined for an account that names no hub (the Global Council's). */
  signedInAs(email: string, hub: string | undefined): string;
  readonly send: string;
  readonly sending: string;
  readonly waiting: string;
  accepted(uploadId: string): string;
  duplicate(uploadId: string): string;
  rejected(uploadId: string, errors: number): string;

  readonly notOnCheckPage: string;
  readonly signInStateMismatch: string;
  signInRefused(reason: string): string;
  readonly signInFailed: string;
  readonly signInExpired: string;
  notAllowed(reason: string): string;
  readonly notSignedIn: string;
  readonly wrongFileType: string;
  tooLarge(limitMegabytes: string): string;
  readonly uploadLinkExpired: string;
  storageRefused(code: string): string;
  serverError(detail: string): string;
  readonly unexpectedUploadAddress: string;
  readonly offline: string;
  resultTimeout(uploadId: string): string;
  readonly settingsInvalid: string;
}

const en: UploadMessages = {
  signIn: "Sign in to send this file",
  signOut: "Sign out",
  signedInAs: (email, hub) =>
    hub === undefined ? `Signed in as ${email}.` : `Signed in as ${email}, for hub ${hub}.`,
  send: "Send this file to the observatory",
  sending: "Sending the file…",
  waiting: "Sent. The observatory is checking it; this usually takes a few seconds.",
  accepted: (id) => `The observatory accepted the file (upload ${id}).`,
  duplicate: (id) => `The observatory already had this exact file; nothing changed (upload ${id}).`,
  rejected: (id, errors) =>
    `The observatory rejected the file (upload ${id}): ${errors} ${errors === 1 ? "error" : "errors"} to fix, listed below.`,

  notOnCheckPage: "Signing in works only from the validator page. Open the validator page and try again.",
  signInStateMismatch:
    "This sign-in was not started from this page, so it was ignored to keep your account safe. Sign in again.",
  signInRefused: (reason) => `Sign-in did not finish: ${reason}. Sign in again.`,
  signInFailed:
    "Sign-in could not be completed. Sign in again; if it keeps failing, tell the observatory team.",
  signInExpired: "Your sign-in has expired. Sign in again, then send the file again.",
  notAllowed: (reason) => `Your account may not send files: ${reason}.`,
  notSignedIn: "Sign in before sending a file.",
  wrongFileType: "Only a CSV file or an .xlsx or .ods workbook can be sent.",
  tooLarge: (limit) => `The file is larger than the limit of ${limit} MB. Split it into smaller reports.`,
  uploadLinkExpired: "The upload took too long and its link expired. Send the file again.",
  storageRefused: (code) =>
    `The storage refused the file (${code}). Send it again; if it keeps failing, tell the observatory team.`,
  serverError: (detail) => `Something went wrong on the observatory's side: ${detail}`,
  unexpectedUploadAddress:
    "The file was not sent: the observatory gave an upload address outside its own storage. Tell the observatory team.",
  offline: "The observatory could not be reached. Check your internet connection and try again.",
  resultTimeout: (id) =>
    `The file was sent (upload ${id}), but its check is taking longer than usual. Come back to this page later to see the result.`,
  settingsInvalid:
    "This site's upload settings are broken, so files cannot be sent from it. Tell the observatory team.",
};

const es: UploadMessages = {
  signIn: "Inicia sesión para enviar este archivo",
  signOut: "Cerrar sesión",
  signedInAs: (email, hub) =>
    hub === undefined
      ? `Sesión iniciada como ${email}.`
      : `Sesión iniciada como ${email}, para el hub ${hub}.`,
  send: "Enviar este archivo al observatorio",
  sending: "Enviando el archivo…",
  waiting: "Enviado. El observatorio lo está revisando; suele tardar unos segundos.",
  accepted: (id) => `El observatorio aceptó el archivo (envío ${id}).`,
  duplicate: (id) => `El observatorio ya tenía este mismo archivo; no cambió nada (envío ${id}).`,
  rejected: (id, errors) =>
    `El observatorio rechazó el archivo (envío ${id}): ${errors} ${errors === 1 ? "error" : "errores"} por corregir, en la lista de abajo.`,

  notOnCheckPage: "Solo se puede iniciar sesión desde la página del validador. Ábrela e inténtalo de nuevo.",
  signInStateMismatch:
    "Este inicio de sesión no empezó en esta página, así que se ignoró para proteger tu cuenta. Inicia sesión de nuevo.",
  signInRefused: (reason) => `El inicio de sesión no terminó: ${reason}. Inicia sesión de nuevo.`,
  signInFailed:
    "No se pudo completar el inicio de sesión. Inicia sesión de nuevo; si sigue fallando, avisa al equipo del observatorio.",
  signInExpired: "Tu sesión ha caducado. Inicia sesión de nuevo y vuelve a enviar el archivo.",
  notAllowed: (reason) => `Tu cuenta no puede enviar archivos: ${reason}.`,
  notSignedIn: "Inicia sesión antes de enviar un archivo.",
  wrongFileType: "Solo se puede enviar un archivo CSV o un libro .xlsx u .ods.",
  tooLarge: (limit) => `El archivo supera el límite de ${limit} MB. Divídelo en informes más pequeños.`,
  uploadLinkExpired: "El envío tardó demasiado y su enlace caducó. Vuelve a enviar el archivo.",
  storageRefused: (code) =>
    `El almacenamiento rechazó el archivo (${code}). Vuelve a enviarlo; si sigue fallando, avisa al equipo del observatorio.`,
  serverError: (detail) => `Algo falló en el observatorio: ${detail}`,
  unexpectedUploadAddress:
    "El archivo no se envió: el observatorio dio una dirección de envío fuera de su propio almacenamiento. Avisa al equipo del observatorio.",
  offline: "No se pudo contactar con el observatorio. Comprueba tu conexión a internet e inténtalo de nuevo.",
  resultTimeout: (id) =>
    `El archivo se envió (envío ${id}), pero su revisión tarda más de lo normal. Vuelve a esta página más tarde para ver el resultado.`,
  settingsInvalid:
    "La configuración de envío de este sitio está dañada, así que no se pueden enviar archivos desde aquí. Avisa al equipo del observatorio.",
};

const fr: UploadMessages = {
  signIn: "Connectez-vous pour envoyer ce fichier",
  signOut: "Se déconnecter",
  signedInAs: (email, hub) =>
    hub === undefined
      ? `Connecté en tant que ${email}.`
      : `Connecté en tant que ${email}, pour le hub ${hub}.`,
  send: "Envoyer ce fichier à l’observatoire",
  sending: "Envoi du fichier…",
  waiting: "Envoyé. L’observatoire le vérifie ; cela prend en général quelques secondes.",
  accepted: (id) => `L’observatoire a accepté le fichier (envoi ${id}).`,
  duplicate: (id) => `L’observatoire avait déjà ce même fichier ; rien n’a changé (envoi ${id}).`,
  rejected: (id, errors) =>
    `L’observatoire a refusé le fichier (envoi ${id}) : ${errors} ${errors <= 1 ? "erreur" : "erreurs"} à corriger, listées ci-dessous.`,

  notOnCheckPage: "La connexion ne fonctionne que depuis la page du validateur. Ouvrez-la et réessayez.",
  signInStateMismatch:
    "Cette connexion n’a pas commencé sur cette page ; elle a été ignorée pour protéger votre compte. Connectez-vous de nouveau.",
  signInRefused: (reason) => `La connexion n’a pas abouti : ${reason}. Connectez-vous de nouveau.`,
  signInFailed:
    "La connexion n’a pas pu aboutir. Connectez-vous de nouveau ; si l’échec persiste, prévenez l’équipe de l’observatoire.",
  signInExpired: "Votre session a expiré. Connectez-vous de nouveau, puis renvoyez le fichier.",
  notAllowed: (reason) => `Votre compte ne peut pas envoyer de fichiers : ${reason}.`,
  notSignedIn: "Connectez-vous avant d’envoyer un fichier.",
  wrongFileType: "Seul un fichier CSV ou un classeur .xlsx ou .ods peut être envoyé.",
  tooLarge: (limit) => `Le fichier dépasse la limite de ${limit} Mo. Découpez-le en rapports plus petits.`,
  uploadLinkExpired: "L’envoi a pris trop de temps et son lien a expiré. Renvoyez le fichier.",
  storageRefused: (code) =>
    `Le stockage a refusé le fichier (${code}). Renvoyez-le ; si l’échec persiste, prévenez l’équipe de l’observatoire.`,
  serverError: (detail) => `Une erreur s’est produite à l’observatoire : ${detail}`,
  unexpectedUploadAddress:
    "Le fichier n’a pas été envoyé : l’observatoire a donné une adresse d’envoi hors de son propre stockage. Prévenez l’équipe de l’observatoire.",
  offline: "Impossible de joindre l’observatoire. Vérifiez votre connexion à internet et réessayez.",
  resultTimeout: (id) =>
    `Le fichier a été envoyé (envoi ${id}), mais sa vérification prend plus de temps que d’habitude. Revenez sur cette page plus tard pour voir le résultat.`,
  settingsInvalid:
    "La configuration d’envoi de ce site est endommagée : aucun fichier ne peut être envoyé d’ici. Prévenez l’équipe de l’observatoire.",
};

const ar: UploadMessages = {
  signIn: "سجّل الدخول لإرسال هذا الملف",
  signOut: "تسجيل الخروج",
  signedInAs: (email, hub) =>
    hub === undefined ? `تم تسجيل الدخول باسم ${email}.` : `تم تسجيل الدخول باسم ${email}، عن المركز ${hub}.`,
  send: "أرسل هذا الملف إلى المرصد",
  sending: "جارٍ إرسال الملف…",
  waiting: "تم الإرسال. يتحقق المرصد من الملف الآن؛ يستغرق ذلك عادةً بضع ثوانٍ.",
  accepted: (id) => `قبِل المرصد الملف (الإرسال ${id}).`,
  duplicate: (id) => `لدى المرصد هذا الملف نفسه من قبل؛ لم يتغير شيء (الإرسال ${id}).`,
  rejected: (id, errors) =>
    `رفض المرصد الملف (الإرسال ${id}): عدد الأخطاء التي يجب تصحيحها ${errors}، وهي مدرجة أدناه.`,

  notOnCheckPage: "لا يمكن تسجيل الدخول إلا من صفحة المدقِّق. افتح صفحة المدقِّق وحاول مرة أخرى.",
  signInStateMismatch:
    "لم يبدأ تسجيل الدخول هذا من هذه الصفحة، لذلك تم تجاهله حمايةً لحسابك. سجّل الدخول مرة أخرى.",
  signInRefused: (reason) => `لم يكتمل تسجيل الدخول: ${reason}. سجّل الدخول مرة أخرى.`,
  signInFailed: "تعذّر إكمال تسجيل الدخول. سجّل الدخول مرة أخرى؛ وإن تكرر الخطأ فأبلغ فريق المرصد.",
  signInExpired: "انتهت صلاحية تسجيل دخولك. سجّل الدخول مرة أخرى ثم أعد إرسال الملف.",
  notAllowed: (reason) => `لا يُسمح لحسابك بإرسال الملفات: ${reason}.`,
  notSignedIn: "سجّل الدخول قبل إرسال ملف.",
  wrongFileType: "لا يمكن إرسال إلا ملف CSV أو مصنف ‎.xlsx أو ‎.ods.",
  tooLarge: (limit) => `حجم الملف أكبر من الحد المسموح به وهو ${limit} ميغابايت. قسّمه إلى تقارير أصغر.`,
  uploadLinkExpired: "استغرق الإرسال وقتًا طويلًا فانتهت صلاحية رابطه. أعد إرسال الملف.",
  storageRefused: (code) => `رفض التخزين الملف (${code}). أعد إرساله؛ وإن تكرر الخطأ فأبلغ فريق المرصد.`,
  serverError: (detail) => `حدث خطأ لدى المرصد: ${detail}`,
  unexpectedUploadAddress:
    "لم يُرسَل الملف: أعطى المرصد عنوان إرسال خارج مساحة التخزين الخاصة به. أبلغ فريق المرصد.",
  offline: "تعذّر الوصول إلى المرصد. تحقّق من اتصالك بالإنترنت وحاول مرة أخرى.",
  resultTimeout: (id) =>
    `تم إرسال الملف (الإرسال ${id})، لكن التحقق منه يستغرق وقتًا أطول من المعتاد. عُد إلى هذه الصفحة لاحقًا لرؤية النتيجة.`,
  settingsInvalid: "إعدادات الإرسال في هذا الموقع معطوبة، لذلك لا يمكن إرسال الملفات منه. أبلغ فريق المرصد.",
};

/** The upload flow's texts in every language the site is published in. */
export const UPLOAD_MESSAGES: Readonly<Record<Language, UploadMessages>> = { en, es, fr, ar };
