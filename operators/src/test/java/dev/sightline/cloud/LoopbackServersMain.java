package dev.sightline.cloud;

import dev.sightline.ingest.sqs.SqsTestServer;
import java.util.List;
import org.apache.curator.test.TestingServer;

/**
 * Runs the loopback S3 (S3Proxy) and SQS (ElasticMQ) servers in a JVM of their own, for the jobs
 * module's tests and benchmarks (ElasticMQ's Scala 2.13 cannot share their class path): prints
 * {@code s3=URL}, {@code sqs=URL} and {@code zk=HOST:PORT} for the servers named in the arguments
 * ({@code s3}, {@code sqs}, {@code zk}: Curator's ZooKeeper test server), then {@code ready}, and
 * stops when its standard input closes.
 */
public final class LoopbackServersMain {

    private LoopbackServersMain() {}

    public static void main(String[] args) throws Exception {
        List<String> wanted = List.of(args);
        S3TestServer s3 = wanted.contains("s3") ? new S3TestServer() : null;
        SqsTestServer sqs = wanted.contains("sqs") ? new SqsTestServer() : null;
        TestingServer zk = wanted.contains("zk") ? new TestingServer(true) : null;
        try {
            if (s3 != null) {
                System.out.println("s3=" + s3.endpoint());
            }
            if (sqs != null) {
                System.out.println("sqs=" + sqs.settings().endpoint());
            }
            if (zk != null) {
                System.out.println("zk=" + zk.getConnectString());
            }
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close the pipe
            }
        } finally {
            if (zk != null) {
                zk.close();
            }
            if (sqs != null) {
                sqs.close();
            }
            if (s3 != null) {
                s3.close();
            }
        }
        System.exit(0);
    }
}
