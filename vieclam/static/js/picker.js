/* Pickers (core/widgets.py PickerWidget): keyboard and mouse choice in the option list HTMX fills.
 *
 * The text box is an ARIA combobox and the list a listbox: arrow keys move the active option (announced through
 * aria-activedescendant while focus stays in the box, so typing goes on), Enter chooses it, Escape closes the list.
 * Listeners sit on the document so lists and pickers that HTMX adds later (work-history rows) work too.
 */
(function () {
  "use strict";

  function boxOf(list) {
    return document.querySelector('[aria-controls="' + list.id + '"]');
  }

  function listOf(box) {
    return document.getElementById(box.getAttribute("aria-controls"));
  }

  function choices(list) {
    return Array.prototype.slice.call(list.querySelectorAll('[role="option"]:not([aria-disabled="true"])'));
  }

  function setActive(box, list, option) {
    list.querySelectorAll('[role="option"]').forEach(function (other) {
      other.classList.remove("active");
      other.setAttribute("aria-selected", "false");
    });
    if (option) {
      option.classList.add("active");
      option.setAttribute("aria-selected", "true");
      box.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      box.removeAttribute("aria-activedescendant");
    }
  }

  function close(box, list) {
    list.innerHTML = "";
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
  }

  function choose(box, list, option) {
    var hidden = document.getElementById(box.dataset.pickerValue);
    if (hidden) {
      hidden.value = option.dataset.value;
      hidden.dispatchEvent(new Event("change", { bubbles: true }));
    }
    box.value = option.dataset.label;
    close(box, list);
  }

  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches(".picker [role='combobox']")) {
      return;
    }
    var list = listOf(box);
    if (!list) {
      return;
    }
    var options = choices(list);
    var active = document.getElementById(box.getAttribute("aria-activedescendant") || "");
    var at = options.indexOf(active);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!options.length) {
        if (box.value.trim() && window.htmx) {
          window.htmx.trigger(box, "focus"); // ask for the list again (it was closed)
        }
        return;
      }
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = at < 0 ? (step > 0 ? 0 : options.length - 1) : (at + step + options.length) % options.length;
      setActive(box, list, options[next]);
    } else if (event.key === "Enter") {
      if (at >= 0) {
        event.preventDefault(); // choose, do not send the form
        choose(box, list, options[at]);
      }
    } else if (event.key === "Escape") {
      if (list.children.length) {
        event.preventDefault();
        close(box, list);
      }
    }
  });

  // Keep focus in the box when the list is pressed, so it does not close under the pointer.
  document.addEventListener("mousedown", function (event) {
    if (event.target.closest && event.target.closest(".picker [role='listbox']")) {
      event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    var option = event.target.closest && event.target.closest(".picker [role='option']");
    if (!option || option.getAttribute("aria-disabled") === "true") {
      return;
    }
    var list = option.closest('[role="listbox"]');
    var box = list && boxOf(list);
    if (box) {
      choose(box, list, option);
    }
  });

  document.addEventListener("focusout", function (event) {
    var box = event.target;
    if (box.matches && box.matches(".picker [role='combobox']")) {
      var list = listOf(box);
      if (list) {
        close(box, list);
      }
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var list = event.detail && event.detail.target;
    if (!list || list.getAttribute("role") !== "listbox") {
      return;
    }
    var box = boxOf(list);
    if (box && document.activeElement !== box) {
      close(box, list); // the answer came after the person left the box
    } else if (box) {
      box.setAttribute("aria-expanded", list.children.length ? "true" : "false");
      box.removeAttribute("aria-activedescendant");
    }
  });
})();
