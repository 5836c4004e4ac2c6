/**
 * Sessions and output tensors the engine holds in this realm (page or Worker): a session counts from its
 * creation to its release, an output tensor from the run that made it to its dispose. A soak test reads them
 * to prove that generations leak neither.
 */
export const ortLive = { sessions: 0, tensors: 0 };
