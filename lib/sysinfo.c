/*
 * GetSystemInfo and GetNativeSystemInfo: Windows' description of the
 * machine, from Linux's. The allocation granularity is Windows' 64 KiB
 * (file mapping views start on it); the page size is the real one.
 */
#include <unistd.h>

#if defined(__i386__) || defined(__x86_64__)
#include <cpuid.h>
#endif

#include "private.h"
#include "wow64.h"

/* Windows' processor level and revision: the CPUID family, and the model
 * and stepping as 0xMMSS, with the extended fields folded in as Intel and
 * AMD define them. */
static void cpu_level(SYSTEM_INFO *si)
{
#if defined(__i386__) || defined(__x86_64__)
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx))
        return;
    unsigned family = (eax >> 8) & 0xf, model = (eax >> 4) & 0xf, stepping = eax & 0xf;
    if (family == 0xf)
        family += (eax >> 20) & 0xff;
    if (family == 0x6 || family >= 0xf)
        model |= ((eax >> 16) & 0xf) << 4;
    si->wProcessorLevel = (WORD)family;
    si->wProcessorRevision = (WORD)(model << 8 | stepping);
#else
    (void)si;
#endif
}

static void fill(SYSTEM_INFO *si, int wide)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned max_cpus = sizeof(DWORD_PTR) * 8; /* one group's worth */
    if (cpus < 1)
        cpus = 1;
    if ((unsigned long)cpus > max_cpus)
        cpus = max_cpus;
    memset(si, 0, sizeof(*si));
    si->wProcessorArchitecture = wide ? PROCESSOR_ARCHITECTURE_AMD64 : PROCESSOR_ARCHITECTURE_INTEL;
    si->dwProcessorType = wide ? PROCESSOR_AMD_X8664 : PROCESSOR_INTEL_PENTIUM;
    si->dwPageSize = (DWORD)sysconf(_SC_PAGESIZE);
    si->dwAllocationGranularity = WH_ALLOCATION_GRANULARITY;
    /* Windows' bounds: nothing is mapped below 64 KiB (Linux's default
     * mmap_min_addr agrees), and the top 64 KiB of the user space is
     * off limits. A 32-bit program gets the 4 GiB a 64-bit kernel gives
     * it, as a large-address-aware program under WOW64 does. */
    si->lpMinimumApplicationAddress = (LPVOID)(ULONG_PTR)0x10000;
#if UINTPTR_MAX > 0xffffffffu
    si->lpMaximumApplicationAddress = (LPVOID)(ULONG_PTR)0x7ffffffeffffull;
#else
    si->lpMaximumApplicationAddress = (LPVOID)(ULONG_PTR)0xfffeffffu;
#endif
    si->dwNumberOfProcessors = (DWORD)cpus;
    si->dwActiveProcessorMask = (DWORD_PTR)cpus == max_cpus ? ~(DWORD_PTR)0
                                                             : ((DWORD_PTR)1 << cpus) - 1;
    cpu_level(si);
}

void WINAPI GetSystemInfo(LPSYSTEM_INFO si)
{
    fill(si, sizeof(void *) == 8);
}

void WINAPI GetNativeSystemInfo(LPSYSTEM_INFO si)
{
    fill(si, sizeof(void *) == 8 || native_is_64bit());
}
