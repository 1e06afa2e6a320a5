/**
 * What a URL points at, decided once for every stage: public or private addresses (lint reports them, the
 * checker never requests them) and GitHub repository URLs (lint, intake, check and import all parse them).
 */
export {
  isLocalDomain,
  isPublicAddress,
  isPublicUrl,
  LOCAL_DOMAINS,
  SPECIAL_IPV4_RANGES,
  SPECIAL_IPV6_RANGES,
  type SpecialRange,
} from "./addresses.js";
