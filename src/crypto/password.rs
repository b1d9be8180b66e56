//! argon2id password hashing (RFC 9106; OWASP parameters by default), run on the blocking pool
//! with every resource bounded, so a flood of logins can neither starve the async executor nor
//! grow the memory:
//! - at most `concurrency` hashes run at once, and at most `max_waiting` more wait for a turn,
//!   each for at most `wait_timeout`; anything beyond is refused at once with
//!   [`HashError::Busy`] (the edges answer 503), instead of queueing without limit;
//! - half the waiting places (rounded up) are kept for [`Priority::First`] (a login whose
//!   address and name have not been failing): a flood of guesses fills only the shared places,
//!   so it cannot keep a real login out of the queue however fast it retries;
//! - each running slot hashes in its own argon2 memory, from a pool of at most `concurrency`
//!   buffers: allocated when a hash needs one, reused (and zeroed) while hashes keep coming, and
//!   all freed when the last running hash ends with nobody waiting, so a server at rest holds
//!   none (19 MiB each with the default parameters). Each buffer reserves more address space
//!   than the allocator's largest dynamic mmap threshold (see [`ARGON2_RESERVE_BLOCKS`]), so it
//!   is always mapped on its own and returned to the system when freed: a multi-MiB buffer
//!   served from a thread's heap instead is often kept there, which let the resident size
//!   climb to gigabytes under load and stay there;
//! - a password longer than [`MAX_PASSWORD_BYTES`] is never hashed.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use rand::RngCore;
use subtle::ConstantTimeEq;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::metrics::{metrics, GaugeGuard};

/// The longest password accepted anywhere, in bytes (checked before any hashing).
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// The address space (in 1 KiB blocks) each argon2 buffer reserves at least: over glibc's
/// largest dynamic mmap threshold (32 MiB on 64-bit), so the buffer is always a mapping of its
/// own, unmapped when freed, whatever sizes were freed before. Only the blocks argon2 uses are
/// touched, so only they are resident.
const ARGON2_RESERVE_BLOCKS: usize = 32 * 1024 + 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

/// How many hashes run at once, how many may wait, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashQueue {
    /// Hashes computed at once; 0 = number of CPUs.
    pub concurrency: usize,
    /// Callers that may wait for a turn; beyond that they are refused at once.
    pub max_waiting: usize,
    /// How long a caller waits for a turn before it is refused.
    pub wait_timeout: Duration,
}

/// Which places of the queue a caller may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    /// Any place, including those kept back from [`Priority::Shared`] callers.
    First,
    /// Only the places every caller shares (all but the kept half of the waiting places).
    Shared,
}

/// Hashes and verifies passwords with argon2id off the async executor.
#[derive(Clone)]
pub struct PasswordHasher {
    inner: Arc<Inner>,
}

struct Inner {
    params: Params,
    /// One permit per running hash.
    running: Arc<Semaphore>,
    /// One permit per running or waiting hash.
    admitted: Arc<Semaphore>,
    /// One permit per place a [`Priority::Shared`] caller may hold (taken besides `admitted`).
    shared: Arc<Semaphore>,
    wait_timeout: Duration,
    /// argon2 memory of idle slots; never more buffers than `running` has permits, none when
    /// no hash runs or waits.
    pool: Mutex<Vec<Vec<Block>>>,
    slots: usize,
    /// The permits of `admitted` (running and waiting places).
    places: usize,
    /// Verified against when the account does not exist, so timing reveals nothing.
    dummy_hash: String,
    computed: AtomicU64,
}

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("invalid argon2 parameters: {0}")]
    Params(String),
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("too many passwords are being checked; retry shortly")]
    Busy,
    #[error("the password is longer than {MAX_PASSWORD_BYTES} bytes")]
    TooLong,
}

impl PasswordHasher {
    pub fn new(p: PasswordParams, queue: HashQueue) -> Result<Self, HashError> {
        let params = Params::new(p.memory_kib, p.iterations, p.parallelism, None)
            .map_err(|e| HashError::Params(e.to_string()))?;
        let slots = if queue.concurrency == 0 {
            std::thread::available_parallelism().map_or(2, |n| n.get())
        } else {
            queue.concurrency
        };
        let dummy = dummy_hash(&params)?;
        let places = slots + queue.max_waiting;
        Ok(Self {
            inner: Arc::new(Inner {
                params,
                running: Arc::new(Semaphore::new(slots)),
                admitted: Arc::new(Semaphore::new(places)),
                shared: Arc::new(Semaphore::new(slots + queue.max_waiting / 2)),
                wait_timeout: queue.wait_timeout,
                pool: Mutex::new(Vec::new()),
                slots,
                places,
                dummy_hash: dummy,
                computed: AtomicU64::new(0),
            }),
        })
    }

    /// A place in the queue, taken before the work that leads to a hash (such as finding the
    /// account), so that a flood is refused before it costs anything; `Busy` when the places
    /// `priority` may take are full.
    pub fn admit(&self, priority: Priority) -> Result<Admission, HashError> {
        let shared = match priority {
            Priority::First => None,
            Priority::Shared => Some(self.inner.shared.clone().try_acquire_owned()),
        };
        let busy = |_| {
            metrics().hash_refused();
            HashError::Busy
        };
        let shared = shared.transpose().map_err(busy)?;
        let permit = self.inner.admitted.clone().try_acquire_owned();
        Ok(Admission {
            hasher: self.clone(),
            permit: (permit.map_err(busy)?, shared),
        })
    }

    /// A PHC string (`$argon2id$v=19$m=...`).
    pub async fn hash(&self, password: &str) -> Result<String, HashError> {
        if password.len() > MAX_PASSWORD_BYTES {
            return Err(HashError::TooLong);
        }
        self.admit(Priority::Shared)?.hash(password).await
    }

    /// Verifies `password` against `hash`, or against a dummy hash when `hash` is `None` (unknown
    /// account) so both cases take the same time. False for a malformed stored hash, and, without
    /// hashing, for a password longer than [`MAX_PASSWORD_BYTES`] (no stored one can be).
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> Result<bool, HashError> {
        if password.len() > MAX_PASSWORD_BYTES {
            return Ok(false);
        }
        self.admit(Priority::Shared)?.verify(password, hash).await
    }

    /// How many hashes (and verifications) this hasher has started, for tests and metrics.
    pub fn hashes_started(&self) -> u64 {
        self.inner.computed.load(Ordering::Relaxed)
    }
}

/// A place in the hashing queue ([`PasswordHasher::admit`]); used by one hash or verification.
pub struct Admission {
    hasher: PasswordHasher,
    /// The place, and for a [`Priority::Shared`] caller its share of the shared places.
    permit: (OwnedSemaphorePermit, Option<OwnedSemaphorePermit>),
}

impl Admission {
    /// [`PasswordHasher::hash`] in this place.
    pub async fn hash(self, password: &str) -> Result<String, HashError> {
        if password.len() > MAX_PASSWORD_BYTES {
            return Err(HashError::TooLong);
        }
        let params = self.hasher.inner.params.clone();
        let password = password.to_owned();
        self.run(move |memory| hash_with(&params, &password, memory))
            .await?
    }

    /// [`PasswordHasher::verify`] in this place.
    pub async fn verify(self, password: &str, hash: Option<&str>) -> Result<bool, HashError> {
        if password.len() > MAX_PASSWORD_BYTES {
            return Ok(false);
        }
        let known = hash.is_some();
        let hash = hash.map_or_else(|| self.hasher.inner.dummy_hash.clone(), str::to_owned);
        let password = password.to_owned();
        let ok = self
            .run(move |memory| verify_with(&password, &hash, memory))
            .await?;
        Ok(ok && known)
    }

    /// Runs `job` on the blocking pool in a slot's memory once given a turn.
    async fn run<T: Send + 'static>(
        self,
        job: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let Admission { hasher, permit } = self;
        let inner = hasher.inner;
        let turn = tokio::time::timeout(inner.wait_timeout, inner.running.clone().acquire_owned());
        let (waiting, since) = (GaugeGuard::start(&metrics().hash_waiting), Instant::now());
        let running = match turn.await {
            Ok(Ok(permit)) => permit,
            _ => {
                metrics().hash_refused();
                return Err(HashError::Busy);
            }
        };
        drop(waiting);
        metrics().hash_turn(since.elapsed());
        inner.computed.fetch_add(1, Ordering::Relaxed);
        // The permits move into the job: a caller that goes away does not free its slot (or
        // its memory) before the hash it started has finished.
        tokio::task::spawn_blocking(move || {
            let _running = GaugeGuard::start(&metrics().hash_running);
            let mut memory = inner.take_memory();
            let out = job(&mut memory);
            inner.give_back(memory, (running, permit));
            out
        })
        .await
        .map_err(|e| HashError::Hash(e.to_string()))
    }
}

impl Inner {
    fn take_memory(&self) -> Vec<Block> {
        let mut pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
        pool.pop().unwrap_or_default()
    }

    /// Called by a finished hash with its place: the place is given up under the pool's lock,
    /// so of two hashes finishing together the second to lock sees the first gone. When no
    /// other hash runs or waits, every buffer is freed (the server is at rest); otherwise the
    /// buffer is kept for the next hash. A caller admitted just after the check allocates a
    /// buffer of its own, still within one per slot.
    fn give_back(&self, mut memory: Vec<Block>, place: impl Sized) {
        // Derived from a password: not left lying in memory, kept or freed.
        memory.fill(Block::default());
        let mut pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
        drop(place);
        if self.admitted.available_permits() >= self.places {
            pool.clear();
            pool.shrink_to_fit();
            drop(pool);
            drop(memory);
            // At rest after a burst of logins: what its requests freed goes back too.
            crate::heap::release_freed();
            return;
        }
        if pool.len() < self.slots {
            pool.push(memory);
        }
    }

    /// How many argon2 buffers are kept between hashes (for tests).
    #[cfg(test)]
    fn pooled(&self) -> usize {
        self.pool.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

/// Runs argon2 in `memory`, growing it (once) to what `params` need.
fn argon2_into(
    argon: &Argon2<'_>,
    params: &Params,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
    memory: &mut Vec<Block>,
) -> Result<(), argon2::Error> {
    let blocks = params.block_count();
    if memory.len() < blocks {
        if memory.capacity() < blocks {
            *memory = Vec::with_capacity(blocks.max(ARGON2_RESERVE_BLOCKS));
        }
        memory.resize(blocks, Block::default());
    }
    argon.hash_password_into_with_memory(password, salt, out, &mut memory[..blocks])
}

fn hash_with(
    params: &Params,
    password: &str,
    memory: &mut Vec<Block>,
) -> Result<String, HashError> {
    let fail = |e: &dyn std::fmt::Display| HashError::Hash(e.to_string());
    let mut salt = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    let salt_b64 = SaltString::encode_b64(&salt).map_err(|e| fail(&e))?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    argon2_into(&argon, params, password.as_bytes(), &salt, &mut out, memory)
        .map_err(|e| fail(&e))?;
    phc_string(params, &salt_b64, &out)
}

/// The hash verified against for an unknown account: the current parameters with a random salt
/// and a random output. Verifying against it costs exactly what verifying against a real hash
/// costs and never succeeds (no password hashes to 32 random bytes but by chance), and making
/// it costs no argon2 run, so start-up does not pay for one.
fn dummy_hash(params: &Params) -> Result<String, HashError> {
    let fail = |e: &dyn std::fmt::Display| HashError::Hash(e.to_string());
    let mut salt = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    let salt_b64 = SaltString::encode_b64(&salt).map_err(|e| fail(&e))?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    rand::rngs::OsRng.fill_bytes(&mut out);
    phc_string(params, &salt_b64, &out)
}

fn phc_string(params: &Params, salt: &SaltString, out: &[u8]) -> Result<String, HashError> {
    let fail = |e: &dyn std::fmt::Display| HashError::Hash(e.to_string());
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(params).map_err(|e| fail(&e))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(out).map_err(|e| fail(&e))?),
    };
    Ok(phc.to_string())
}

/// Parameters come from the stored PHC string, so hashes made with older settings verify.
fn verify_with(password: &str, phc: &str, memory: &mut Vec<Block>) -> bool {
    let mut check = || -> Option<bool> {
        let parsed = PasswordHash::new(phc).ok()?;
        let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
        let version = match parsed.version {
            Some(v) => Version::try_from(v).ok()?,
            None => Version::default(),
        };
        let params = Params::try_from(&parsed).ok()?;
        let expected = parsed.hash?;
        let mut salt_buf = [0u8; 64];
        let salt = parsed.salt?.decode_b64(&mut salt_buf).ok()?;
        let mut out = vec![0u8; expected.len()];
        let argon = Argon2::new(algorithm, version, params.clone());
        argon2_into(&argon, &params, password.as_bytes(), salt, &mut out, memory).ok()?;
        Some(bool::from(expected.as_bytes().ct_eq(&out)))
    };
    check().unwrap_or(false)
}

#[cfg(test)]
#[path = "password_tests.rs"]
mod tests;
