// "Phân bổ cho xã": the total of the communes' boxes against the province's value, as the officer types.
(function () {
  const form = document.getElementById("allocation");
  if (!form || form.dataset.summable !== "1") return;
  const province = Number(form.dataset.provinceValue);
  const total = document.getElementById("allocation-total");
  const over = document.getElementById("allocation-over");
  // 7.125 and 7 125 are grouped thousands; 2,5 has a decimal comma (as the server reads them).
  function read(text) {
    let raw = (text || "").replace(/[\s\u00a0]/g, "");
    if (!raw) return 0;
    if (raw.includes(",")) raw = raw.replace(/\./g, "").replace(",", ".");
    else if (/^\d{1,3}(\.\d{3})+$/.test(raw)) raw = raw.replace(/\./g, "");
    const value = Number(raw);
    return Number.isFinite(value) ? value : 0;
  }
  function update() {
    let sum = 0;
    form.querySelectorAll("input.share").forEach((input) => { sum += read(input.value); });
    total.textContent = sum.toLocaleString("vi-VN", { maximumFractionDigits: 2 });
    over.hidden = sum <= province;
    total.classList.toggle("text-danger", sum > province);
  }
  form.addEventListener("input", update);
  update();
})();
