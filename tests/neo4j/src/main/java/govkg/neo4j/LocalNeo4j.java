package govkg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j Community server for govkg's tests: the embedded database with its
 * Bolt connector on 127.0.0.1, so the Python driver talks to it exactly as it
 * would to a packaged Neo4j.
 *
 * <pre>
 * NEO4J_LOCAL_PASSWORD=secret java -cp ... govkg.neo4j.LocalNeo4j \
 *     --data DIR [--port 0] [--ready-file FILE] [--pagecache 256m]
 * </pre>
 *
 * Port 0 lets the kernel choose a free port, so two servers never race for
 * one. {@code LOAD CSV FROM 'file:///…'} reads only inside {@code DATA/import}
 * (Neo4j's {@code server.directories.import}, which a packaged Neo4j sets and
 * an embedded one leaves unset: then any file the JVM can read is open). Auth stays on: the password comes from the environment (never argv,
 * which other users can read in ps) and is set on the built-in user
 * {@code neo4j} before the server reports ready. Ready means a Bolt
 * handshake on the port has been answered; the launcher then prints
 * {@code READY bolt://127.0.0.1:PORT} and writes the port to the ready file.
 * SIGTERM runs the shutdown hook, which stops the database cleanly.
 */
public final class LocalNeo4j {

    private LocalNeo4j() {
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        int port = 0;
        Path readyFile = null;
        String pagecache = "256m";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> { data = Path.of(require(value, "--data")); i++; }
                case "--port" -> { port = Integer.parseInt(require(value, "--port")); i++; }
                case "--ready-file" -> { readyFile = Path.of(require(value, "--ready-file")); i++; }
                case "--pagecache" -> { pagecache = require(value, "--pagecache"); i++; }
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (data == null) {
            fail("--data DIR is required");
        }
        String password = System.getenv("NEO4J_LOCAL_PASSWORD");
        if (password == null || password.length() < 8) {
            fail("set NEO4J_LOCAL_PASSWORD (8 characters or more) in the environment");
        }

        Path importDir = data.toAbsolutePath().resolve("import");
        Files.createDirectories(importDir);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(data)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pagecache))
                // A test server has no clients to be polite to: without these, Bolt's
                // shutdown waits two quiet periods of 5 s each before the JVM can exit.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            System.out.flush();
            service.shutdown();
            stopped.countDown();
        }, "govkg-neo4j-shutdown"));

        // Embedded transactions run with full rights, so the system database
        // accepts the password change here; the user is never asked to change it.
        service.database("system").executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", password));

        GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int boltPort = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        awaitBolt(boltPort);

        if (readyFile != null) {
            Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
            Files.writeString(tmp, boltPort + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println("READY bolt://127.0.0.1:" + boltPort);
        System.out.flush();
        stopped.await();
    }

    /** Wait until the Bolt port answers a protocol handshake with a version it agrees to. */
    private static void awaitBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                // Magic preamble, then four proposals: 5.0-5.4 (range form), 4.4, none, none.
                out.write(new byte[] {
                    0x60, 0x60, (byte) 0xB0, 0x17,
                    0, 4, 4, 5,
                    0, 0, 4, 4,
                    0, 0, 0, 0,
                    0, 0, 0, 0,
                });
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] agreed = in.readNBytes(4);
                if (agreed.length == 4 && (agreed[2] != 0 || agreed[3] != 0)) {
                    return;
                }
                last = new IOException("Bolt handshake refused");
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Bolt on port " + port + " never answered: " + last);
    }

    private static long parseBytes(String text) {
        String t = text.trim().toLowerCase();
        long unit = 1;
        if (t.endsWith("k")) { unit = 1L << 10; } else if (t.endsWith("m")) { unit = 1L << 20; }
        else if (t.endsWith("g")) { unit = 1L << 30; }
        if (unit != 1) { t = t.substring(0, t.length() - 1); }
        return Long.parseLong(t) * unit;
    }

    private static String require(String value, String flag) {
        if (value == null) {
            fail(flag + " needs a value");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("govkg-neo4j-local: " + message);
        System.exit(2);
    }
}
