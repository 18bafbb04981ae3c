package org.smsengine.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/** The simulator's SMPP listener on one address: jSMPP's own factory listens on every interface. */
record BoundServerSockets(InetAddress address) implements ServerConnectionFactory {

    private static final int BACKLOG = 50;      // as java.net.ServerSocket's default

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0, BACKLOG);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, BACKLOG);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket socket = new ServerSocket(port, backlog, address);
        socket.setSoTimeout(timeout);
        return new ServerSocketConnection(socket);
    }
}
