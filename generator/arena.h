/* arena: one allocation region per report, freed at once.
 *
 * The layout, typeset and paginate stages allocate many small objects
 * (blocks, spans, boxes) that all live exactly as long as one report: they
 * come from an arena, and arena_free() releases them together (md4c's one
 * context, cmark's per-document allocator).
 */
#ifndef RP_ARENA_H
#define RP_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);

/* Frees every allocation of the arena and the arena; a may be NULL. */
void arena_free(arena *a);

/* Zeroed memory of `size` bytes, aligned for any type; aborts when out of
 * memory (as g_malloc does). Valid until arena_free(). */
void *arena_alloc(arena *a, size_t size);

/* A copy of s (or of its first n bytes), NUL-terminated; NULL gives NULL. */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);

/* Allocates an array of n elements of `size` bytes. */
void *arena_array(arena *a, size_t n, size_t size);

#endif
