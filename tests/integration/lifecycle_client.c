/*
 * A client for the server life-cycle test. "meet NAME-A NAME-B" creates the
 * event NAME-A, sets it, and waits up to 10 s for NAME-B: two of these meet
 * only if they share one server. "create" creates one event and exits.
 */
#include <stdio.h>
#include <string.h>

#include <windows.h>

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "meet")) {
        /* Whoever comes second opens the other's event as it is, so each
         * sets its own explicitly. */
        HANDLE mine = CreateEventA(NULL, TRUE, FALSE, argv[2]);
        HANDLE theirs = CreateEventA(NULL, TRUE, FALSE, argv[3]);
        if (!mine || !theirs || !SetEvent(mine))
            return 2;
        return WaitForSingleObject(theirs, 10000) == WAIT_OBJECT_0 ? 0 : 1;
    }
    if (argc == 2 && !strcmp(argv[1], "create")) {
        HANDLE e = CreateEventA(NULL, TRUE, FALSE, NULL);
        if (!e) {
            printf("error %u\n", (unsigned)GetLastError());
            return 1;
        }
        return 0;
    }
    fprintf(stderr, "usage: lifecycle_client meet A B | create\n");
    return 2;
}
