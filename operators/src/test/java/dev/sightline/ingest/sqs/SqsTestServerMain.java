package dev.sightline.ingest.sqs;

/**
 * Runs the loopback SQS server in a JVM of its own: prints {@code port=N} once it listens and
 * stops when its standard input closes (the parent test ended).
 */
public final class SqsTestServerMain {

    private SqsTestServerMain() {}

    public static void main(String[] args) throws Exception {
        try (SqsTestServer server = new SqsTestServer()) {
            System.out.println("port=" + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close the pipe
            }
        }
        System.exit(0);
    }
}
