/**
 * The first name to address someone by: "Linda" from "Linda Park", "Priya" from "  Priya ".
 * With no name, the local part of the address when one is given ("sam" from sam@x.example).
 */
export function firstName(name: string, email?: string): string {
  const first = name.trim().split(/\s+/)[0];
  if (first) return first;
  return email ? (email.split('@')[0] ?? email) : name.trim();
}
