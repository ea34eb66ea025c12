package com.powerkg.api;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.stereotype.Component;

/**
 * A ceiling on the database work one request does at the same time. Blocking controller methods run on virtual
 * threads, so a request with 900 aliases of a field would otherwise start 900 database queries at once and drain the
 * driver's connection pool for everybody else ("pending acquisition queue is full").
 * <p>
 * Each request gets {@code powerkg.graphql.max-concurrent-fetches} permits. A controller method handed to the
 * executor takes one when it is submitted, on the thread executing the request, which waits while all are in use,
 * and gives it back when the method returns. Fields answered by a data loader (the portrait's parts) return a future
 * without going through the executor and take no permit: their batch is one query for the whole request.
 */
@Component
class FetchConcurrency extends SimplePerformantInstrumentation {

	/** The permits of the request whose field is being fetched on this thread (set only during a fetch). */
	private static final ThreadLocal<Permits> FETCHING = new ThreadLocal<>();

	/** The most fetches one request ran at once, over all requests since the start (for tests and diagnostics). */
	static final AtomicInteger MOST_IN_USE = new AtomicInteger();

	private final int permits;

	FetchConcurrency(GraphQlLimits.Settings settings) {
		this.permits = settings.maxConcurrentFetches();
	}

	/** The permits of one request. */
	static final class Permits implements InstrumentationState {

		private final Semaphore semaphore;

		private final AtomicInteger inUse = new AtomicInteger();

		Permits(int permits) {
			this.semaphore = new Semaphore(permits);
		}

		void acquire() {
			this.semaphore.acquireUninterruptibly();
			MOST_IN_USE.accumulateAndGet(this.inUse.incrementAndGet(), Math::max);
		}

		void release() {
			this.inUse.decrementAndGet();
			this.semaphore.release();
		}

	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Permits(this.permits);
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.isTrivialDataFetcher() || !(state instanceof Permits permits)) {
			return dataFetcher;
		}
		return env -> {
			Permits outer = FETCHING.get();
			FETCHING.set(permits);
			try {
				return dataFetcher.get(env);
			}
			finally {
				FETCHING.set(outer);
			}
		};
	}

	/** Controller methods reach the executor through {@link #limited}: each takes a permit of its request. */
	static BeanPostProcessor limitingControllerExecutor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof AnnotatedControllerConfigurer configurer && configurer.getExecutor() != null) {
					configurer.setExecutor(limited(configurer.getExecutor()));
				}
				return bean;
			}
		};
	}

	static Executor limited(Executor executor) {
		return task -> {
			Permits permits = FETCHING.get();
			if (permits == null) {
				executor.execute(task);
				return;
			}
			permits.acquire();
			try {
				executor.execute(() -> {
					try {
						task.run();
					}
					finally {
						permits.release();
					}
				});
			}
			catch (RuntimeException ex) {
				permits.release();
				throw ex;
			}
		};
	}

}
