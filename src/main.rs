fn main() -> std::process::ExitCode {
    // Past a file-size limit (`ulimit -f`) a write fails with EFBIG, which the
    // store reports like a full disk (nothing written, a clear message),
    // instead of SIGXFSZ killing the process without a word.
    // SAFETY: the handler does nothing, so it is async-signal-safe.
    let _ = unsafe { signal_hook::low_level::register(signal_hook::consts::SIGXFSZ, || {}) };
    talenta::cli::main()
}
