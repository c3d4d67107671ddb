//! Where the profile screen's detail lists come from: the store in the real
//! program, anything else in tests.

use crate::domain::Pool;
use crate::store::profile::{load_profile, Profile};
use crate::store::Store;

pub trait ProfileSource {
    /// The full profile of one employee; `Ok(None)` when the NIP is unknown.
    fn load(&mut self, nip: &str, pool: &Pool) -> Result<Option<Profile>, String>;
}

impl ProfileSource for Store {
    fn load(&mut self, nip: &str, pool: &Pool) -> Result<Option<Profile>, String> {
        load_profile(&self.conn, nip, pool.as_of, &pool.rules).map_err(|e| e.to_string())
    }
}

impl<F> ProfileSource for F
where
    F: FnMut(&str, &Pool) -> Result<Option<Profile>, String>,
{
    fn load(&mut self, nip: &str, pool: &Pool) -> Result<Option<Profile>, String> {
        self(nip, pool)
    }
}
