// Knapsack ballot: shows the running total and what is left as projects are ticked. The server checks the
// budget again on submit, so the ballot works the same without this script.
const box = document.getElementById('running-total');
const fieldset = document.getElementById('projects');
if (box && fieldset) {
  const budget = Number(fieldset.dataset.budget);
  const units = Number(box.dataset.units) || 1;
  const currency = box.dataset.currency || 'GEL';
  const format = new Intl.NumberFormat(box.dataset.locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'symbol',
  });
  const money = (value) => format.format(value / units);
  const totalText = document.getElementById('total-text');
  const leftText = document.getElementById('left-text');
  const fill = box.querySelector('.progress-fill');
  const update = () => {
    let total = 0;
    for (const input of fieldset.querySelectorAll('input[type=checkbox][data-cost]')) {
      if (input.checked) {
        total += Number(input.dataset.cost);
      }
    }
    totalText.textContent = box.dataset.totalTpl
      .replace('{total}', money(total))
      .replace('{budget}', money(budget));
    const over = total > budget;
    leftText.textContent = over
      ? box.dataset.overTpl.replace('{over}', money(total - budget))
      : box.dataset.leftTpl.replace('{left}', money(budget - total));
    box.classList.toggle('over-budget', over);
    if (fill) {
      fill.setAttribute('width', String(Math.min(100, budget > 0 ? (total / budget) * 100 : 0)));
    }
  };
  fieldset.addEventListener('change', update);
  update();
}
