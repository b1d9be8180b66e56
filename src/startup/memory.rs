//! Hands the heap that start-up freed back to the system once the server is assembled: reading
//! the templates, generating the OpenAPI document and its YAML and Swagger UI copies, and
//! opening the store allocate and free a few MiB that glibc's allocator keeps (below its trim
//! threshold) for the process's life. One `malloc_trim` after start-up takes the idle resident
//! size back by that much; it is not called per request. Other C libraries: nothing to do.

/// Returns the free pages of every malloc arena to the system (glibc only).
pub(super) fn release_freed_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim takes no pointer, touches only the allocator's own free lists
        // under its locks, and is safe to call from any thread at any time.
        unsafe {
            malloc_trim(0);
        }
    }
}
