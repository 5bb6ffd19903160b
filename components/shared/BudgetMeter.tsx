import { WEEKLY_BUDGET_MINUTES } from '../../utils/domain/homework';
import { t } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';

/** Weekly homework minutes against the budget, in words and as a meter. */
export function BudgetMeter({ total, label = t('budgetLabel'), text }: { total: number; label?: string; text?: string }) {
  return (
    <div class="budget">
      <label class="budget-label" for="budget-meter">
        {label}
      </label>
      <meter
        id="budget-meter"
        min={0}
        max={WEEKLY_BUDGET_MINUTES * 2}
        low={WEEKLY_BUDGET_MINUTES * 0.9}
        high={WEEKLY_BUDGET_MINUTES}
        optimum={WEEKLY_BUDGET_MINUTES / 2}
        value={total}
      >
        {total}
      </meter>
      <span class="small">{text ?? tn('budgetText', WEEKLY_BUDGET_MINUTES, total, WEEKLY_BUDGET_MINUTES)}</span>
    </div>
  );
}
