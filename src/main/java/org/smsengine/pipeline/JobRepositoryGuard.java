package org.smsengine.pipeline;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import javax.sql.DataSource;
import org.smsengine.system.Outages;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Three guards around the job repository.
 *
 * <p>A call made outside a transaction of the caller's (a step's or job's own bookkeeping between chunks,
 * a launch) waits out a database that cannot be reached ({@link Outages}), as the steps' own statements
 * do: Spring Batch gives a step whose status it cannot save up as UNKNOWN ("should not be restarted"), and
 * a failover in the middle of a delivery left its batch DELIVERING with nothing running. Inside a
 * caller's database transaction (a chunk's, where the repository's writes join it) there is nothing to
 * wait for: its connection is gone, and the caller's chunk fails.
 *
 * <p>A job's own update of its execution can race with a stop request from outside (a pause, or its
 * node stopping: {@code JobControl.stop} marks the execution STOPPING). The repository reads the
 * stored status before it writes, but the stop can land between the read and the write; the job's
 * write then fails on the version, and Spring Batch gives the job up with its execution left
 * STOPPING forever. Such a write is tried once more: the repository then reads the stop request's
 * status and version, and the job ends as asked.
 *
 * <p>Once a node has given its jobs up (they did not stop within its shutdown timeout, and their
 * executions were ended FAILED for another node to restart), its job repository writes nothing more.
 * A thread the shutdown could not stop (one waiting for a provider that does not answer) would
 * otherwise go on when that wait ends, fail to update its step (recovery changed its version), mark
 * it UNKNOWN and write that over the FAILED execution: Spring Batch refuses to restart from UNKNOWN.
 * Its saves are skipped without a word (a failed save is what turns a step UNKNOWN, and fills the
 * log with "should not be restarted"); anything it would create is refused.
 */
final class JobRepositoryGuard implements BeanPostProcessor {

    private static final List<String> WRITES = List.of("create", "add", "update", "delete");

    private final ObjectProvider<StopSignals> signals;
    private final ObjectProvider<Outages> outages;
    private final ObjectProvider<DataSource> dataSource;

    JobRepositoryGuard(ObjectProvider<StopSignals> signals, ObjectProvider<Outages> outages,
            ObjectProvider<DataSource> dataSource) {
        this.signals = signals;
        this.outages = outages;
        this.dataSource = dataSource;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JobRepository repository)) {
            return bean;
        }
        return Proxy.newProxyInstance(JobRepository.class.getClassLoader(), new Class<?>[] {JobRepository.class},
                (proxy, method, arguments) -> {
                    if (writes(method) && signals.getObject().gaveUp()) {
                        if (method.getReturnType() == void.class) {
                            return null;
                        }
                        throw new JobsGivenUpException(method.getName());
                    }
                    if (TransactionSynchronizationManager.hasResource(dataSource.getObject())) {
                        return call(repository, method, arguments);
                    }
                    StopSignals stops = signals.getObject();
                    boolean[] tried = new boolean[1];
                    return outages.getObject().waitOut(Outages.Service.DATABASE, stops::nodeStopping, () -> {
                        try {
                            if (tried[0] && method.getName().equals("update")) {
                                resynchronize(arguments);
                            }
                            tried[0] = true;
                            return call(repository, method, arguments);
                        } catch (RuntimeException | Error e) {
                            throw e;
                        } catch (Throwable e) {
                            throw new UndeclaredThrowableException(e);
                        }
                    });
                });
    }

    /**
     * Before a step execution's save is tried again: Spring Batch counts the version up as soon as its update
     * statement ran, and a commit the failover cut off left the row a version behind ("wrong version (3), where
     * current version is 2" failed the step after the outage). The row's version is the truth: this thread
     * alone saves its step, and the stored version is the one before the failed try, or its own if the commit
     * went through after all.
     */
    private void resynchronize(Object[] arguments) {
        if (arguments != null && arguments.length == 1 && arguments[0] instanceof StepExecution step && step.getId() != null) {
            new JdbcTemplate(dataSource.getObject()).queryForList(
                    "SELECT version FROM batch_step_execution WHERE step_execution_id = ?", Integer.class, step.getId())
                    .forEach(step::setVersion);
        }
    }

    private static Object call(JobRepository repository, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(repository, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof OptimisticLockingFailureException && updatesJobExecution(method, arguments)) {
                return invoke(repository, method, arguments);
            }
            throw e.getCause();
        }
    }

    private static Object invoke(JobRepository repository, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(repository, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean updatesJobExecution(Method method, Object[] arguments) {
        return method.getName().equals("update") && arguments != null && arguments.length == 1
                && arguments[0] instanceof JobExecution;
    }

    private static boolean writes(Method method) {
        return WRITES.stream().anyMatch(method.getName()::startsWith);
    }

    /** A write to the job repository of a node that has given its jobs up. */
    static final class JobsGivenUpException extends IllegalStateException {

        JobsGivenUpException(String operation) {
            super("This node gave its jobs up at the end of its shutdown; another node owns them now: no " + operation);
        }
    }
}
