/** Kabar's version, written into the registry so two copies on a page can tell each other apart. */
export const VERSION = '0.1.0';
