fn main() -> std::process::ExitCode {
    talenta::cli::main()
}
