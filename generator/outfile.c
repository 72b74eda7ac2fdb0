/* outfile: temp file in the same directory, fsync, rename, fsync directory. */
#define _GNU_SOURCE /* syncfs */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

struct outfile {
    char *path;
    char *tmp;
    int fd;
    int slot;      /* index in the registry of open temporary files */
    int error;     /* first errno of a failed write, or 0 */
};

static bool durable = true;

/* Files are created 0666 minus the umask, like any program's; the umask is
 * read once (reading it means setting it, which is not thread-safe). */
static mode_t file_mode(void)
{
    static gsize once;
    static mode_t mode;
    if (g_once_init_enter(&once)) {
        mode_t old = umask(0);
        umask(old);
        mode = 0666 & ~old;
        g_once_init_leave(&once, 1);
    }
    return mode;
}

/* Temporary files in progress, for the signal handler. The handler reads
 * only fixed-size arrays: strdup or locks are not async-signal-safe. */
#define OPEN_MAX_FILES 64
#define TMP_PATH_MAX 4096
static char open_paths[OPEN_MAX_FILES][TMP_PATH_MAX];
static volatile sig_atomic_t open_used[OPEN_MAX_FILES];
static GMutex registry_lock;

static void on_signal(int sig)
{
    for (int i = 0; i < OPEN_MAX_FILES; i++) {
        if (open_used[i])
            unlink(open_paths[i]);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void outfile_init(void)
{
    file_mode();
    /* A file size limit (ulimit -f) makes write() fail with EFBIG, reported
     * like a full disk, instead of killing us mid-file. */
    signal(SIGXFSZ, SIG_IGN);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

void outfile_set_durable(bool on)
{
    durable = on;
}

static int registry_add(const char *tmp)
{
    if (strlen(tmp) >= TMP_PATH_MAX)
        return -1;
    g_mutex_lock(&registry_lock);
    int slot = -1;
    for (int i = 0; i < OPEN_MAX_FILES; i++) {
        if (!open_used[i]) {
            memcpy(open_paths[i], tmp, strlen(tmp) + 1);
            open_used[i] = 1;
            slot = i;
            break;
        }
    }
    g_mutex_unlock(&registry_lock);
    return slot;
}

static void registry_remove(int slot)
{
    if (slot < 0)
        return;
    g_mutex_lock(&registry_lock);
    open_used[slot] = 0;
    g_mutex_unlock(&registry_lock);
}

outfile *outfile_open(const char *path, diag *d)
{
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    char *tmpl = g_strdup_printf("%s/%s%s.XXXXXX", dir, OUTFILE_TMP_PREFIX, base);
    g_free(dir);
    g_free(base);
    int fd = g_mkstemp_full(tmpl, O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        int err = errno;
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "output", "cannot write %s: %s", path,
                 g_strerror(err));
        g_free(tmpl);
        return NULL;
    }
    fchmod(fd, file_mode());
    outfile *f = g_new0(outfile, 1);
    f->path = g_strdup(path);
    f->tmp = tmpl;
    f->fd = fd;
    f->slot = registry_add(tmpl);
    return f;
}

bool outfile_write(outfile *f, const void *data, size_t len)
{
    if (f->error != 0)
        return false;
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(f->fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            f->error = n < 0 ? errno : EIO;
            return false;
        }
        p += n;
        len -= (size_t)n;
    }
    return true;
}

static void release(outfile *f)
{
    registry_remove(f->slot);
    g_free(f->path);
    g_free(f->tmp);
    g_free(f);
}

void outfile_abort(outfile *f)
{
    if (f == NULL)
        return;
    if (f->fd >= 0)
        close(f->fd);
    unlink(f->tmp);
    release(f);
}

static void sync_dir_of(const char *path)
{
    char *dir = g_path_get_dirname(path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    g_free(dir);
}

bool outfile_commit(outfile *f, diag *d)
{
    if (f->error == 0 && durable && fsync(f->fd) != 0)
        f->error = errno;
    if (close(f->fd) != 0 && f->error == 0)
        f->error = errno;
    f->fd = -1;
    if (f->error == 0 && rename(f->tmp, f->path) != 0)
        f->error = errno;
    if (f->error != 0) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "output", "cannot write %s: %s (left unchanged)",
                 f->path, g_strerror(f->error));
        outfile_abort(f);
        return false;
    }
    if (durable)
        sync_dir_of(f->path);
    release(f);
    return true;
}

bool outfile_save(const char *path, const void *data, size_t len, diag *d)
{
    outfile *f = outfile_open(path, d);
    if (f == NULL)
        return false;
    outfile_write(f, data, len);
    return outfile_commit(f, d);
}

void outfile_sync_all(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    syncfs(fd);
    close(fd);
}

bool outfile_mkdirs(const char *dir, diag *d)
{
    if (g_mkdir_with_parents(dir, 0777) != 0) {
        int err = errno;
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "output", "cannot create the directory %s: %s", dir,
                 g_strerror(err));
        return false;
    }
    return true;
}
