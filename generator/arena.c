/* arena: a bump allocator over chained chunks. */
#include "arena.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

/* Chunks of 64 KiB serve a typical report in a handful; a larger request
 * gets a chunk of its own. */
#define ARENA_CHUNK_BYTES ((size_t)64 * 1024)
#define ARENA_ALIGN 16

typedef struct chunk {
    struct chunk *next;
    size_t used;
    size_t size;
    _Alignas(ARENA_ALIGN) unsigned char data[];
} chunk;

struct arena {
    chunk *head;
};

arena *arena_new(void)
{
    return g_new0(arena, 1);
}

void arena_free(arena *a)
{
    if (a == NULL)
        return;
    chunk *c = a->head;
    while (c != NULL) {
        chunk *next = c->next;
        g_free(c);
        c = next;
    }
    g_free(a);
}

static chunk *chunk_new(size_t size)
{
    if (size > SIZE_MAX - sizeof(chunk))
        g_error("arena: allocation of %zu bytes overflows", size);
    chunk *c = g_malloc(sizeof(chunk) + size);
    c->next = NULL;
    c->used = 0;
    c->size = size;
    return c;
}

void *arena_alloc(arena *a, size_t size)
{
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (rounded < size)
        g_error("arena: allocation of %zu bytes overflows", size);
    chunk *c = a->head;
    if (c == NULL || c->size - c->used < rounded) {
        if (rounded > ARENA_CHUNK_BYTES / 4) {
            /* A big block: its own chunk, behind the current one, so the
             * current chunk's free space stays usable. */
            chunk *big = chunk_new(rounded);
            big->used = rounded;
            if (c != NULL) {
                big->next = c->next;
                c->next = big;
            } else {
                a->head = big;
            }
            memset(big->data, 0, rounded);
            return big->data;
        }
        c = chunk_new(ARENA_CHUNK_BYTES);
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += rounded;
    memset(p, 0, rounded);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    if (s == NULL)
        return NULL;
    char *copy = arena_alloc(a, n + 1);
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char *arena_strdup(arena *a, const char *s)
{
    return s != NULL ? arena_strndup(a, s, strlen(s)) : NULL;
}

void *arena_array(arena *a, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        g_error("arena: array of %zu x %zu bytes overflows", n, size);
    return arena_alloc(a, n * size);
}
