package org.smsengine.pipeline;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Once a node has given its jobs up (they did not stop within its shutdown timeout, and their
 * executions were ended FAILED for another node to restart), its job repository writes nothing more.
 * A thread the shutdown could not stop (one waiting for a provider that does not answer) would
 * otherwise go on when that wait ends, fail to update its step (recovery changed its version), mark
 * it UNKNOWN and write that over the FAILED execution: Spring Batch refuses to restart from UNKNOWN.
 * Its saves are skipped without a word (a failed save is what turns a step UNKNOWN, and fills the
 * log with "should not be restarted"); anything it would create is refused.
 */
final class GivenUpJobsGuard implements BeanPostProcessor {

    private static final List<String> WRITES = List.of("create", "add", "update", "delete");

    private final ObjectProvider<StopSignals> signals;

    GivenUpJobsGuard(ObjectProvider<StopSignals> signals) {
        this.signals = signals;
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
                    try {
                        return method.invoke(repository, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
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
