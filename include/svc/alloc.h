/**
 * @file alloc.h
 * @brief The one out-of-memory rule (docs/code.md): allocation failure
 *        ends the process.  Outside the pure engine every allocation goes
 *        through these wrappers, which log and abort() on NULL, so no
 *        caller checks for NULL after allocating; Jansson allocates
 *        through util_malloc too (util_alloc_init).  Nothing a client
 *        sends can make an allocation large (every input is capped), so
 *        running out of memory is an operator's problem, as kore_malloc
 *        treats it.
 */
#ifndef SVC_ALLOC_H
#define SVC_ALLOC_H

#include <stddef.h>

/** malloc(), never NULL.  @return new, free() */
void *util_malloc (size_t n);

/** calloc(), never NULL.  @return new, free() */
void *util_calloc (size_t n, size_t size);

/** realloc(), never NULL.  @return new (the old block is gone), free() */
void *util_realloc (void *p, size_t n);

/** strdup(), never NULL.  @return new, free() */
char *util_strdup (const char *s);

/** strndup(), never NULL.  @return new, free() */
char *util_strndup (const char *s, size_t n);

/**
 * Ends the process after an allocation of @a n bytes failed: for memory
 * that came from elsewhere (the engine's scratch), one JSON log line and
 * abort().
 */
_Noreturn void util_alloc_failed (size_t n);

/**
 * Makes Jansson allocate through util_malloc and free(); call before any
 * json_t exists.  Replies built with json_dumps() are still free()d by
 * libmicrohttpd, since util_malloc is malloc().
 */
void util_alloc_init (void);

#endif
