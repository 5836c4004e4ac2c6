/** The kit's class for a part, followed by the caller's own classes. */
export function withKitClass(kitClass: string, className: string | undefined): string {
  return className ? `${kitClass} ${className}` : kitClass;
}
