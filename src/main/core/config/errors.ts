/** A configuration that stops the start: the message, in Dutch, names the file and the field. */
export class ConfigError extends Error {}
