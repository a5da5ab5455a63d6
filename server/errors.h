/* The Win32 error codes the server answers with (winerror.h values). */
#ifndef WINHANDLED_ERRORS_H
#define WINHANDLED_ERRORS_H

#define ERR_SUCCESS 0u
#define ERR_FILE_NOT_FOUND 2u
#define ERR_PATH_NOT_FOUND 3u
#define ERR_ACCESS_DENIED 5u
#define ERR_INVALID_HANDLE 6u
#define ERR_NOT_ENOUGH_MEMORY 8u
#define ERR_INVALID_PARAMETER 87u
#define ERR_INVALID_NAME 123u
#define ERR_ALREADY_EXISTS 183u
#define ERR_FILENAME_EXCED_RANGE 206u
#define ERR_NOT_OWNER 288u
#define ERR_TOO_MANY_POSTS 298u
#define ERR_REVISION_MISMATCH 1306u
#define ERR_NO_SYSTEM_RESOURCES 1450u
#define ERR_SIGNAL_REFUSED 156u

/* Wait results (winbase.h). */
#define WAIT_OBJECT_0_ 0x00000000u
#define WAIT_ABANDONED_0_ 0x00000080u
#define WAIT_TIMEOUT_ 0x00000102u
#define WAIT_FAILED_ 0xffffffffu

#define STILL_ACTIVE_ 259u

#endif
