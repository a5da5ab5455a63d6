/* Clocks: all from CLOCK_MONOTONIC, which never jumps. */
#include <time.h>

#include "private.h"

/* 10 MHz, the frequency current Windows reports. */
#define QPC_FREQUENCY 10000000LL

static uint64_t monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER *counter)
{
    if (!counter)
        return FAIL(ERROR_NOACCESS, FALSE);
    counter->QuadPart = (LONGLONG)(monotonic_ns() / 100u);
    return TRUE;
}

BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER *frequency)
{
    if (!frequency)
        return FAIL(ERROR_NOACCESS, FALSE);
    frequency->QuadPart = QPC_FREQUENCY;
    return TRUE;
}

ULONGLONG WINAPI GetTickCount64(void)
{
    return monotonic_ns() / 1000000u;
}

DWORD WINAPI GetTickCount(void)
{
    return (DWORD)GetTickCount64();
}
