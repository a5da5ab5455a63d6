/*
 * The page the server shares read-only with each process
 * (protocol/process_page.h).
 */
#ifndef WINHANDLED_PROCESS_PAGE_H
#define WINHANDLED_PROCESS_PAGE_H

#include "../protocol/process_page.h"

struct process;

/* Another process changed p's handle table (closed or added an entry):
 * p's cached facts about its handles must be checked again. */
void process_page_table_changed(struct process *p);
/* The process ended: its page goes. */
void process_page_free(struct process *p);

#endif
