/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import java.io.IOException;

/**
 * Accepted sockets get TCP_NODELAY: MockWebServer writes headers and body separately, and
 * without it every exchange stalls about 40 ms on Nagle's algorithm meeting delayed ACKs.
 */
public final class NoDelayServerSocketFactory extends javax.net.ServerSocketFactory {
    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
        return new java.net.ServerSocket() {
            @Override
            public java.net.Socket accept() throws IOException {
                java.net.Socket socket = new java.net.Socket();
                implAccept(socket);
                socket.setTcpNoDelay(true);
                return socket;
            }
        };
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
        java.net.ServerSocket s = createServerSocket();
        s.bind(new java.net.InetSocketAddress(port));
        return s;
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
        java.net.ServerSocket s = createServerSocket();
        s.bind(new java.net.InetSocketAddress(port), backlog);
        return s;
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
            throws IOException {
        java.net.ServerSocket s = createServerSocket();
        s.bind(new java.net.InetSocketAddress(address, port), backlog);
        return s;
    }
}
