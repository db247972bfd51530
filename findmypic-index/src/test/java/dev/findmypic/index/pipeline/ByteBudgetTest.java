package dev.findmypic.index.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ByteBudgetTest {
  @Test
  void aHolderWaitsUntilItsBytesFitAndAnOversizedOneIsLetInAlone() throws Exception {
    ByteBudget budget = new ByteBudget(100);
    budget.acquire(60);
    budget.acquire(40);
    AtomicBoolean third = new AtomicBoolean();
    CountDownLatch entered = new CountDownLatch(1);
    Thread waiter = new Thread(() -> {
      try {
        budget.acquire(500);
        third.set(true);
        entered.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    assertThat(entered.await(200, TimeUnit.MILLISECONDS)).as("100 of 100 bytes are held").isFalse();
    budget.release(60);
    assertThat(entered.await(200, TimeUnit.MILLISECONDS)).as("40 bytes are still held").isFalse();
    budget.release(40);
    assertThat(entered.await(10, TimeUnit.SECONDS)).as("an oversized holder gets in once the budget is empty")
        .isTrue();
    assertThat(third).isTrue();
    waiter.join();
  }

  @Test
  void aWaitingHolderCanBeInterrupted() throws Exception {
    ByteBudget budget = new ByteBudget(10);
    budget.acquire(10);
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread waiter = new Thread(() -> {
      try {
        budget.acquire(1);
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
    });
    waiter.start();
    waiter.interrupt();
    waiter.join(10_000);
    assertThat(interrupted).isTrue();
  }
}
