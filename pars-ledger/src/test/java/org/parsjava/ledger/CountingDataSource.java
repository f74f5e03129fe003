/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts the statements executed through it (a JDBC proxy): each
 * {@code execute*} call is one round trip to the database, a batch included. It also keeps the
 * SQL of each statement prepared, and of each run directly with the thread that ran it, so a test
 * can tell which queries ran.
 */
final class CountingDataSource implements DataSource {

    private static final Set<String> EXECUTES = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate", "executeLargeBatch");

    private final DataSource target;
    private final AtomicInteger executed = new AtomicInteger();
    private final java.util.Queue<String> prepared = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Queue<String> direct = new java.util.concurrent.ConcurrentLinkedQueue<>();

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** Statements executed since the last reset. */
    int executed() {
        return executed.get();
    }

    /** Forgets the statements counted and prepared so far. */
    void reset() {
        executed.set(0);
        prepared.clear();
        direct.clear();
    }

    /** The SQL of the statements prepared since the last reset, in order. */
    List<String> prepared() {
        return List.copyOf(prepared);
    }

    /**
     * The SQL run without preparing it ({@code Statement.execute(sql)}) since the last reset, in
     * order, each after the name of the thread that ran it and a colon.
     */
    List<String> direct() {
        return List.copyOf(direct);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return connection(target.getConnection(user, password));
    }

    private Connection connection(Connection c) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                prepared.add(sql);
            }
            Object result = invoke(c, method, args);
            return result instanceof Statement s ? statement(s, method.getReturnType()) : result;
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private Object statement(Statement s, Class<?> type) {
        InvocationHandler h = (proxy, method, args) -> {
            if (EXECUTES.contains(method.getName())) {
                executed.incrementAndGet();
                if (args != null && args.length > 0 && args[0] instanceof String sql) {
                    direct.add(Thread.currentThread().getName() + ": " + sql);
                }
            }
            return invoke(s, method, args);
        };
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
