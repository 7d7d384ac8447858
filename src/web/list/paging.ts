/** The page size of the web's lists, which all page by cursor (./cursor-paging.ts). */
export const PAGE_SIZE = 20;
