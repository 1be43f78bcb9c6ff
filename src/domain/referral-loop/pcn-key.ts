/**
 * The key a PCN's referral cases are kept under (the container's partition): its name in lower
 * case with hyphens, e.g. "riverside-pcn". A deployment serving several PCNs would give each its
 * own code here instead (docs/architecture.md).
 */
export function pcnKeyOf(pcnName: string): string {
  const slug = pcnName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'pcn';
}
