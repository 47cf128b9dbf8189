import PolicyExtraction
/// Allocator settings for batch work.
public enum MemoryTuning {
    /// Keeps glibc from handing freed memory back to the kernel after every
    /// statement: SQLite frees its statement journals and Swift its per-file
    /// buffers constantly, and trimming the heap top each time, then
    /// faulting the pages back in, costs ingest time. Peak memory is
    /// unchanged; only the give-back is deferred.
    public static func apply() {
        #if os(Linux)
        // <malloc.h>: M_TRIM_THRESHOLD is -1, M_MMAP_THRESHOLD -3. "When the
        // amount of contiguous free memory at the top of the heap grows
        // sufficiently large, free(3) employs sbrk(2) to release this memory
        // back to the system"; requests above the mmap threshold are mapped
        // and unmapped one by one.
        _ = glibcMallopt(-1, 64 << 20)
        _ = glibcMallopt(-3, 16 << 20)
        #endif
    }
}

#if os(Linux)
// mallopt(3) is in glibc but its header is not part of the Glibc module.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
