/** The kit's version, for display in figures' provenance lines. */
export const KIT_VERSION = '0.1.0';
