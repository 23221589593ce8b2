#ifndef CSYSTEMSHIMS_H
#define CSYSTEMSHIMS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 or -1 with errno set.
int tp_exchange_paths(const char *first, const char *second);

#endif
