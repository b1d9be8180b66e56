//! Hands heap memory the process has freed back to the system, at the two moments when a lot
//! of it has just been freed and nothing is in a hurry: once start-up has assembled the server
//! (reading the templates, generating the OpenAPI document with its YAML and Swagger UI copies
//! and opening the store allocate and free a few MiB), and when password hashing comes to rest
//! (the requests of a burst of logins are answered). glibc's allocator keeps such memory below
//! its trim threshold, and in each thread's arena, for the process's life; `malloc_trim` also
//! releases the free pages inside the heaps. Never called per request. Other C libraries:
//! nothing to do. Imports nothing of the crate.

/// Returns the free pages of every malloc arena to the system (glibc only).
pub fn release_freed() {
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
