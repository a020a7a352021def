// Suggests a community address from its name: lower-case ASCII letters, digits and dashes.
/** "Komunitas Kopi Ñusantara!" -> "komunitas-kopi-nusantara". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}
