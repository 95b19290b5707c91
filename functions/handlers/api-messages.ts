/** Every message the upload API sends to its users, in one place. */
export const apiMessages = {
  notSignedIn: "sign in first: the request carries no verified identity token",
  unknownRoute: (route: string) =>
    `there is no ${route}; use POST /uploads, GET /results or GET /results/{uploadId}`,
  noResultYet: (uploadId: string) =>
    `no result for upload ${uploadId} yet: a file is usually validated within seconds of its upload; if you never uploaded it, check the id`,
  badUploadRequest:
    'the request body must be empty or JSON such as {"format": "csv"}, where format is csv, xlsx or ods',
  badLimit: "limit must be a whole number from 1 to 200",
  internalError: (requestId: string) =>
    `something went wrong on our side; nothing was changed. Quote request ${requestId} when you report it`,
} as const;
