#ifndef POLICYKB_CLIBPQ_SHIM_H
#define POLICYKB_CLIBPQ_SHIM_H

/* The system libpq (Debian: libpq-dev; its headers are in
   /usr/include/postgresql, which pkg-config's libpq.pc names). */
#include <libpq-fe.h>

#endif
