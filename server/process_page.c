/*
 * Each process's page (protocol/process_page.h): a memfd the server maps
 * read-write and hands to the process read-only. Made on the process's
 * first get_process_page, so processes that never ask (most: only those
 * that cache descriptors for I/O do) cost nothing; freed when the process
 * ends.
 */
#include "process_page.h"

#include <sys/mman.h>
#include <unistd.h>

#include "errors.h"
#include "file_rights.h"
#include "log.h"
#include "process.h"
#include "request.h"

static uint32_t make_page(struct process *p)
{
    int fd = memfd_create("winhandle-process-page", MFD_CLOEXEC);
    if (fd < 0)
        return ERR_NOT_ENOUGH_MEMORY;
    void *page = MAP_FAILED;
    if (ftruncate(fd, WH_PROCESS_PAGE_SIZE) == 0)
        page = mmap(NULL, WH_PROCESS_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (page == MAP_FAILED) {
        close(fd);
        return ERR_NOT_ENOUGH_MEMORY;
    }
    p->page = page;
    p->page_fd = fd;
    p->page->magic = WH_PROCESS_PAGE_MAGIC;
    return 0;
}

void process_page_free(struct process *p)
{
    if (!p->page)
        return;
    munmap(p->page, WH_PROCESS_PAGE_SIZE);
    close(p->page_fd);
    p->page = NULL;
    p->page_fd = -1;
}

void process_page_table_changed(struct process *p)
{
    if (p->page)
        __atomic_add_fetch(&p->page->table_epoch, 1, __ATOMIC_RELEASE);
}

DECL_HANDLER(get_process_page)
{
    (void)req;
    struct process *p = ctx->process;
    if (!p->page && (ctx->error = make_page(p)))
        return;
    ctx->error = read_only_for_client(p->page_fd, &ctx->reply_fd);
    reply->size = WH_PROCESS_PAGE_SIZE;
}
