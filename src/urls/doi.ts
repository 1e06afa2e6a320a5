/**
 * The link to a DOI. A DOI may hold any printable character, and some of them mean something else in a URL:
 * "#" would start a fragment, "?" a query, and doi.org decodes "%xx" before it resolves. The DOI Handbook
 * (§3.8.3, "Encoding of DOI names in URLs") asks for them to be percent-encoded; "/" stays as it is.
 */
const URL_UNSAFE_IN_DOI = /[%#?"<>\\^`{|}[\]]/g;

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.replace(URL_UNSAFE_IN_DOI, encodeURIComponent)}`;
}
