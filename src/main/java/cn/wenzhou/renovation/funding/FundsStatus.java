package cn.wenzhou.renovation.funding;

import cn.wenzhou.renovation.kernel.ExactRatio;
import java.math.BigDecimal;

/**
 * The residents' self-raised funds of one project (guide §3.6), in yuan. A JavaBean so that Drools
 * Test Scenarios can build it.
 */
public class FundsStatus {

    private BigDecimal targetAmount;
    private BigDecimal amountInPlace;
    private boolean remainderCommitted;

    public FundsStatus() {}

    public FundsStatus(BigDecimal targetAmount, BigDecimal amountInPlace, boolean remainderCommitted) {
        this.targetAmount = targetAmount;
        this.amountInPlace = amountInPlace;
        this.remainderCommitted = remainderCommitted;
    }

    /** Amount in place over the target, exactly. */
    public ExactRatio getArrivalRate() {
        return ExactRatio.of(amountInPlace, targetAmount);
    }

    /** Nothing remains to be raised. */
    public boolean isFullyInPlace() {
        return amountInPlace.compareTo(targetAmount) >= 0;
    }

    public BigDecimal getTargetAmount() {
        return targetAmount;
    }

    public void setTargetAmount(BigDecimal targetAmount) {
        this.targetAmount = targetAmount;
    }

    public BigDecimal getAmountInPlace() {
        return amountInPlace;
    }

    public void setAmountInPlace(BigDecimal amountInPlace) {
        this.amountInPlace = amountInPlace;
    }

    public boolean isRemainderCommitted() {
        return remainderCommitted;
    }

    public void setRemainderCommitted(boolean remainderCommitted) {
        this.remainderCommitted = remainderCommitted;
    }
}
