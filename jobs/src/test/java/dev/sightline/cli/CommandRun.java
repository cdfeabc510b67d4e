package dev.sightline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code sightline} command line in-process for tests and keeps what it printed. */
final class CommandRun {

    private CommandRun() {}

    /** Exit code and the text of both streams. */
    record Result(int exitCode, String out, String err) {}

    static Result run(String... args) {
        CommandLine commandLine = SightlineCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
