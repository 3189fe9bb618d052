package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a local port in front of a server (a DNS server, a health endpoint), to cut one client's link
 * without touching the server or other clients: while {@link #cut()}, every open connection is closed and new
 * ones are closed as soon as they are accepted, as a network partition that resets connections would; after
 * {@link #restore()} connections pass again. Each connection is relayed by two daemon threads.
 */
public final class TcpRelay implements AutoCloseable {

  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  private TcpRelay(InetSocketAddress target, ServerSocket listener) {
    this.target = target;
    this.listener = listener;
  }

  /** Starts a relay to {@code host:port} on a free port of 127.0.0.1. */
  public static TcpRelay start(String host, int port) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      TcpRelay relay = new TcpRelay(new InetSocketAddress(host, port), listener);
      daemon("relay-accept-" + listener.getLocalPort(), relay::accept);
      return relay;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The relay's port on 127.0.0.1. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Cuts the link: closes every open connection and every new one. */
  public void cut() {
    cut = true;
    open.forEach(TcpRelay::closeQuietly);
  }

  /** Lets connections pass again. */
  public void restore() {
    cut = false;
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (cut) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket server = new Socket();
        server.connect(target, 2000);
        open.add(client);
        open.add(server);
        daemon("relay-up-" + client.getPort(), () -> pipe(client, server));
        daemon("relay-down-" + client.getPort(), () -> pipe(server, client));
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    byte[] buffer = new byte[16384];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0 && !cut; read = in.read(buffer)) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // the other side closed, or the link was cut
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    cut();
    try {
      listener.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
