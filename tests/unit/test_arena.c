/* Unit tests of arena (generator/arena.h): zeroed, aligned bump allocation
 * over chained chunks, large requests, string copies and overflow checks. */
#include <criterion/criterion.h>

#include <signal.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "arena.h"

/* The arena's chunk size (arena.c): requests around it and a quarter of it
 * are where the allocator changes strategy. */
#define CHUNK ((size_t)64 * 1024)

static arena *a;

static void setup(void)
{
    a = arena_new();
    cr_assert_not_null(a);
}

static void teardown(void)
{
    arena_free(a);
    a = NULL;
}

TestSuite(arena, .init = setup, .fini = teardown);

static bool all_bytes(const void *p, size_t n, unsigned char value)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        if (b[i] != value)
            return false;
    }
    return true;
}

static bool aligned_for_any_type(const void *p)
{
    return (uintptr_t)p % alignof(max_align_t) == 0;
}

/* An allocation and the byte pattern written into it. */
typedef struct {
    unsigned char *p;
    size_t size;
    unsigned char fill;
} block;

/* Allocates n blocks of the sizes size_of(i) gives, checks each is zeroed
 * and aligned, fills it with its own byte, then checks that no later
 * allocation overwrote an earlier one. */
static void allocate_and_check(size_t n, size_t (*size_of)(size_t))
{
    block *blocks = g_new0(block, n);
    for (size_t i = 0; i < n; i++) {
        size_t size = size_of(i);
        blocks[i].p = arena_alloc(a, size);
        blocks[i].size = size;
        blocks[i].fill = (unsigned char)(1 + i % 251);
        cr_assert_not_null(blocks[i].p, "allocation %zu of %zu bytes", i, size);
        cr_assert(aligned_for_any_type(blocks[i].p), "allocation %zu (%zu bytes) at %p", i, size,
                  (void *)blocks[i].p);
        cr_assert(all_bytes(blocks[i].p, size, 0), "allocation %zu of %zu bytes is not zeroed", i,
                  size);
        memset(blocks[i].p, blocks[i].fill, size);
    }
    for (size_t i = 0; i < n; i++) {
        cr_assert(all_bytes(blocks[i].p, blocks[i].size, blocks[i].fill),
                  "allocation %zu (%zu bytes) was overwritten by a later one", i, blocks[i].size);
    }
    g_free(blocks);
}

/* ------------------------------------------------------------------ */
/* Alignment and zeroing                                               */
/* ------------------------------------------------------------------ */

static size_t one_to_sixty_four(size_t i)
{
    return 1 + i % 64;
}

Test(arena, every_small_size_is_aligned_for_any_type_and_zeroed)
{
    allocate_and_check(256, one_to_sixty_four);
}

Test(arena, odd_sizes_do_not_misalign_the_next_allocation)
{
    char *c = arena_alloc(a, 1);
    double *d = arena_alloc(a, sizeof *d);
    char *c3 = arena_alloc(a, 3);
    long double *ld = arena_alloc(a, sizeof *ld);
    cr_assert(aligned_for_any_type(d));
    cr_assert(aligned_for_any_type(ld));
    *c = 'x';
    *d = 1.5;
    memcpy(c3, "ab", 3);
    *ld = 2.5L;
    cr_assert_eq(*c, 'x');
    cr_assert(*d == 1.5);
    cr_assert_str_eq(c3, "ab");
    cr_assert(*ld == 2.5L);
}

Test(arena, memory_is_zeroed_even_when_malloc_returns_dirty_memory)
{
    /* Fill a whole arena's worth of memory with 0xFF and free it, so that
     * the next arena's chunks most likely reuse those bytes. */
    arena *dirty = arena_new();
    for (int i = 0; i < 8; i++)
        memset(arena_alloc(dirty, CHUNK / 8), 0xFF, CHUNK / 8);
    memset(arena_alloc(dirty, 3 * CHUNK), 0xFF, 3 * CHUNK);
    arena_free(dirty);

    for (int i = 0; i < 8; i++) {
        unsigned char *p = arena_alloc(a, CHUNK / 8);
        cr_assert(all_bytes(p, CHUNK / 8, 0), "small allocation %d is not zeroed", i);
    }
    unsigned char *big = arena_alloc(a, 3 * CHUNK);
    cr_assert(all_bytes(big, 3 * CHUNK, 0), "the large allocation is not zeroed");
}

/* ------------------------------------------------------------------ */
/* Growth                                                              */
/* ------------------------------------------------------------------ */

static size_t sixteen(size_t i)
{
    (void)i;
    return 16;
}

Test(arena, allocations_that_exactly_fill_a_chunk_and_spill_into_the_next_do_not_overlap)
{
    /* 4096 x 16 bytes is exactly one chunk; the rest go to new ones. */
    allocate_and_check(CHUNK / 16 * 2 + 3, sixteen);
}

static size_t varied(size_t i)
{
    static const size_t sizes[] = {1, 7, 16, 17, 100, 1000, 4095, 4096, 4097, 12000};
    return sizes[i % G_N_ELEMENTS(sizes)];
}

Test(arena, many_varied_allocations_over_many_chunks_do_not_overlap)
{
    /* About 3.4 MB: dozens of chunks. */
    allocate_and_check(1500, varied);
}

static size_t around_a_quarter_chunk(size_t i)
{
    static const size_t sizes[] = {CHUNK / 4 - 1, CHUNK / 4, CHUNK / 4 + 1, 24, CHUNK / 4 + 16};
    return sizes[i % G_N_ELEMENTS(sizes)];
}

Test(arena, requests_at_and_just_above_a_quarter_chunk_are_zeroed_aligned_and_distinct)
{
    allocate_and_check(40, around_a_quarter_chunk);
}

/* ------------------------------------------------------------------ */
/* Large allocations                                                   */
/* ------------------------------------------------------------------ */

static size_t large_and_small(size_t i)
{
    static const size_t sizes[] = {10, 5 * CHUNK, 10, CHUNK, 10, CHUNK + 1, 32, 2 * CHUNK - 5};
    return sizes[i % G_N_ELEMENTS(sizes)];
}

Test(arena, requests_larger_than_a_chunk_are_served_whole_and_zeroed)
{
    allocate_and_check(24, large_and_small);
}

Test(arena, a_large_allocation_leaves_the_current_chunk_in_use)
{
    /* arena.c: a big block gets its own chunk behind the current one, "so
     * the current chunk's free space stays usable": the next small request
     * continues right after the previous one. */
    char *first = arena_alloc(a, 16);
    char *big = arena_alloc(a, CHUNK);
    char *second = arena_alloc(a, 16);
    cr_assert_eq(second, first + 16, "first %p, big %p, second %p", (void *)first, (void *)big,
                 (void *)second);
    cr_assert(big + CHUNK <= first || big >= second + 16, "the big block overlaps the chunk");
}

Test(arena, a_large_allocation_as_the_first_request_works)
{
    unsigned char *big = arena_alloc(a, CHUNK * 2 + 1);
    cr_assert(aligned_for_any_type(big));
    cr_assert(all_bytes(big, CHUNK * 2 + 1, 0));
    memset(big, 0x5A, CHUNK * 2 + 1);
    unsigned char *small = arena_alloc(a, 8);
    cr_assert(all_bytes(small, 8, 0));
    cr_assert(all_bytes(big, CHUNK * 2 + 1, 0x5A));
}

Test(arena, a_zero_byte_request_returns_usable_aligned_pointers)
{
    void *p = arena_alloc(a, 0);
    cr_assert_not_null(p);
    cr_assert(aligned_for_any_type(p));
    int *after = arena_alloc(a, sizeof *after);
    *after = 42;
    cr_assert_eq(*after, 42);
}

/* ------------------------------------------------------------------ */
/* Lifetime                                                            */
/* ------------------------------------------------------------------ */

Test(arena, free_of_null_does_nothing)
{
    arena_free(NULL);
}

Test(arena, arenas_are_independent)
{
    arena *other = arena_new();
    char *mine = arena_strdup(a, "mine");
    char *theirs = arena_strdup(other, "theirs");
    for (int i = 0; i < 100; i++)
        memset(arena_alloc(other, 1000), 0xEE, 1000);
    arena_free(other);
    /* valgrind would report a read of freed memory here if other's
     * chunks had been shared with a. */
    cr_assert_str_eq(mine, "mine");
    cr_assert_neq(mine, theirs);
}

Test(arena, an_arena_never_used_frees_cleanly)
{
    arena *unused = arena_new();
    cr_assert_not_null(unused);
    arena_free(unused);
}

/* ------------------------------------------------------------------ */
/* Strings                                                             */
/* ------------------------------------------------------------------ */

Test(arena, strdup_copies_into_the_arena)
{
    char source[] = "Workshop 41";
    char *copy = arena_strdup(a, source);
    cr_assert_str_eq(copy, "Workshop 41");
    cr_assert_neq(copy, source);
    source[0] = 'X';
    cr_assert_str_eq(copy, "Workshop 41", "the copy shares the source's bytes");
}

Test(arena, strdup_of_null_and_of_the_empty_string)
{
    cr_assert_null(arena_strdup(a, NULL));
    char *empty = arena_strdup(a, "");
    cr_assert_not_null(empty);
    cr_assert_str_eq(empty, "");
}

Test(arena, strdup_keeps_utf8_bytes)
{
    const char *ar = "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9"; /* العربية */
    char *copy = arena_strdup(a, ar);
    cr_assert_eq(strlen(copy), strlen(ar));
    cr_assert_str_eq(copy, ar);
}

Test(arena, strndup_takes_the_first_n_bytes_and_terminates)
{
    char *head = arena_strndup(a, "Participants", 4);
    cr_assert_str_eq(head, "Part");
    cr_assert_eq(head[4], '\0');
    char *none = arena_strndup(a, "Participants", 0);
    cr_assert_str_eq(none, "");
    cr_assert_null(arena_strndup(a, NULL, 3));
}

Test(arena, strndup_copies_exactly_n_bytes_even_past_a_nul)
{
    static const char bytes[] = {'a', 'b', '\0', 'c', 'd'};
    char *copy = arena_strndup(a, bytes, sizeof bytes);
    cr_assert_eq(memcmp(copy, bytes, sizeof bytes), 0);
    cr_assert_eq(copy[sizeof bytes], '\0');
}

Test(arena, long_strings_are_copied_whole)
{
    size_t n = 3 * CHUNK;
    char *s = g_malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = (char)('a' + i % 26);
    s[n] = '\0';
    char *copy = arena_strdup(a, s);
    cr_assert_eq(strlen(copy), n);
    cr_assert_eq(memcmp(copy, s, n + 1), 0);
    g_free(s);
}

/* ------------------------------------------------------------------ */
/* Arrays                                                              */
/* ------------------------------------------------------------------ */

Test(arena, array_has_n_zeroed_aligned_elements)
{
    double *v = arena_array(a, 1000, sizeof *v);
    cr_assert(aligned_for_any_type(v));
    for (size_t i = 0; i < 1000; i++)
        cr_assert(v[i] == 0.0, "element %zu", i);
    for (size_t i = 0; i < 1000; i++)
        v[i] = (double)i;
    int *after = arena_array(a, 4, sizeof *after);
    after[0] = after[3] = -1;
    cr_assert(v[999] == 999.0, "the next array overlaps the last element");
}

Test(arena, array_of_zero_elements_or_zero_size_is_valid)
{
    cr_assert_not_null(arena_array(a, 0, sizeof(double)));
    cr_assert_not_null(arena_array(a, 1000, 0));
}

/* ------------------------------------------------------------------ */
/* Overflow and exhaustion: abort like g_malloc (g_error: SIGTRAP)     */
/* ------------------------------------------------------------------ */

Test(arena, array_whose_byte_count_overflows_aborts, .signal = SIGTRAP)
{
    arena_array(a, SIZE_MAX / 2 + 1, 2);
}

Test(arena, array_of_just_too_many_elements_aborts, .signal = SIGTRAP)
{
    arena_array(a, SIZE_MAX / 16 + 1, 16);
}

Test(arena, request_whose_rounding_overflows_aborts, .signal = SIGTRAP)
{
    arena_alloc(a, SIZE_MAX);
}

Test(arena, request_larger_than_memory_aborts, .signal = SIGTRAP)
{
    /* 4 EiB: no machine has it, and valgrind does not take it for a
     * negative size. */
    arena_alloc(a, SIZE_MAX / 4);
}

/* SIZE_MAX - 15 rounds to itself without overflow; the chunk header
 * added to it must not wrap around to a tiny allocation. */
Test(arena, request_just_below_size_max_aborts_instead_of_corrupting_memory, .signal = SIGTRAP)
{
    arena_alloc(a, SIZE_MAX - 15);
}
