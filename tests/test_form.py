"""from_form(): the portal's four fields, with the same arithmetic as the file path."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ecfmetric
from ecfmetric import FormInputError, FormInputTypeError, from_form

ZERO = "0,00"


def test_portal_example() -> None:
    """12.000.000,00 − 10.000,00 − 0,00 − 0,00 = 11.990.000,00, as the portal shows it."""
    metric = from_form(
        gross_revenue="12.000.000,00", cancellations="10.000,00", taxes=ZERO, discounts=ZERO
    )
    assert metric.net_revenue == Decimal("11990000.00")
    assert metric.gross_revenue == Decimal("12000000.00")
    assert metric.cancellations == Decimal("10000.00")
    assert metric.source == "form"
    assert metric.to_dict()["net_revenue"] == "11990000.00"


@pytest.mark.parametrize(
    "text",
    [
        "R$ 12.000.000,00",
        "R$12.000.000,00",
        "12.000.000,00",
        "12000000,00",
        "12000000",
        "12.000.000",
        " 12.000.000,00 ",
        "12000000,0",
    ],
)
def test_accepted_notations(text: str) -> None:
    """Every way a Brazilian writes twelve million reads as exactly 12000000.00: '.' groups
    thousands, ',' separates the centavos."""
    metric = from_form(gross_revenue=text, cancellations=0, taxes=0, discounts=0)
    assert metric.gross_revenue == Decimal("12000000.00")


@pytest.mark.parametrize("value", [Decimal("1500.5"), 1500, "1500,5", "1.500,50"])
def test_accepted_types(value: object) -> None:
    """Decimal, int and str are accepted; the result has two decimals."""
    metric = from_form(gross_revenue=value, cancellations=0, taxes=0, discounts=0)  # type: ignore[arg-type]
    assert metric.gross_revenue == Decimal("1500.50") or metric.gross_revenue == Decimal("1500.00")
    assert metric.gross_revenue is not None
    assert metric.gross_revenue.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("gross_revenue", "-5,00", "negative"),
        ("cancellations", Decimal("-1"), "negative"),
        ("taxes", "1,234", "more than two digits after the ','"),
        ("gross_revenue", "12,345", "more than two digits after the ','"),
        ("gross_revenue", "1000,001", "more than two digits after the ','"),
        ("gross_revenue", "1.234,567", "more than two digits after the ','"),
        ("gross_revenue", Decimal("1.001"), "more than two decimals"),
        ("gross_revenue", "doze milhões", "not an amount"),
        ("gross_revenue", "", "not an amount"),
        ("gross_revenue", "1.2.3", "'.' that does not group thousands"),
        ("gross_revenue", "1234.56", "'.' that does not group thousands"),
        ("gross_revenue", "12000000.00", "'.' that does not group thousands"),
        ("gross_revenue", "1.23,00", "'.' that does not group thousands"),
        ("gross_revenue", "12.5", "'.' that does not group thousands"),
        ("gross_revenue", "1,234.56", "',' between thousands and '.' before the cents"),
        ("gross_revenue", "12,000,000.00", "',' between thousands and '.' before the cents"),
        ("gross_revenue", "1,2,3", "more than one ','"),
        ("gross_revenue", Decimal("NaN"), "finite"),
        ("other_deductions", "12,000.000,00", "',' between thousands and '.' before the cents"),
    ],
)
def test_refused_values_name_the_field(field: str, value: object, fragment: str) -> None:
    """A refused value raises FormInputError naming its field by the portal's label and saying
    why and how to write it."""
    kwargs: dict[str, object] = {
        "gross_revenue": "1000,00",
        "cancellations": 0,
        "taxes": 0,
        "discounts": 0,
    }
    kwargs[field] = value
    with pytest.raises(FormInputError) as caught:
        from_form(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert fragment in str(caught.value)
    assert str(caught.value).startswith(ecfmetric.LABELS_EN[field])
    with ecfmetric.language("pt"):
        assert str(caught.value).startswith(ecfmetric.LABELS[field] + ": ")


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("10.000", 1_000_000),  # dez mil, not ten with three decimals
        ("1.234", 123_400),
        ("1.234.567,89", 123_456_789),
        ("1.000.000", 100_000_000),
        ("R$ 10.000", 1_000_000),
        ("999", 99_900),
        ("0,5", 50),
    ],
)
def test_dots_group_thousands(text: str, cents: int) -> None:
    """'.' groups thousands as Brazilians write money: 10.000 is ten thousand (10.000,00)."""
    metric = from_form(gross_revenue=text, cancellations=0, taxes=0, discounts=0)
    assert metric.gross_revenue == Decimal(cents) / 100


def test_every_refused_field_at_once() -> None:
    """Three bad fields give one FormInputError with the three, in the form's order, each with
    its portal label; the first is also error.field/value for compatibility."""
    with pytest.raises(FormInputError) as caught:
        from_form(gross_revenue="1,234.56", cancellations="0,00", taxes="abc", discounts="1234.56")
    error = caught.value
    assert [item.field for item in error.refused] == ["gross_revenue", "taxes", "discounts"]
    assert (error.field, error.value) == ("gross_revenue", "1,234.56")
    field, label, reason = error.refused[1]
    assert (field, label.render("pt"), label.render("en")) == (
        "taxes",
        "(-) Impostos Sobre Serviços e Vendas",
        "(-) Taxes on sales and services",
    )
    assert reason.render("pt") == (
        "não é um valor: escreva como 12.000.000,00 ou 12000000,00 (informado: 'abc')"
    )
    with ecfmetric.language("pt"):
        text = str(error)
    assert text.startswith("3 campos não foram aceitos: TOTAL RECEITA BRUTA: ")
    assert "; (-) Impostos Sobre Serviços e Vendas: não é um valor" in text
    assert "; (-) Descontos Incondicionais: tem um '.' que não separa milhares" in text


def test_a_bad_cnpj_and_a_bad_amount_are_refused_together() -> None:
    """Refusals of amounts and of the CNPJ and year come together too."""
    with pytest.raises(FormInputError) as caught:
        from_form(
            gross_revenue="x",
            cancellations=0,
            taxes=0,
            discounts=0,
            cnpj="11.222.333/0001-82",
            reference_year=1999,
        )
    assert [item.field for item in caught.value.refused] == [
        "gross_revenue",
        "cnpj",
        "reference_year",
    ]
    assert caught.value.refused[2].label.render("pt") == "Ano de referência"


@pytest.mark.parametrize("value", [1.5, 12000000.0, True])
def test_floats_are_a_type_error(value: object) -> None:
    """A float (or bool) is a TypeError that says to pass a string or Decimal."""
    with pytest.raises(TypeError, match="string") as caught:
        from_form(gross_revenue=value, cancellations=0, taxes=0, discounts=0)  # type: ignore[arg-type]
    assert isinstance(caught.value, FormInputTypeError)
    assert isinstance(caught.value, ecfmetric.EcfError)
    assert caught.value.field == "gross_revenue"


def test_deductions_exceeding_gross_are_refused() -> None:
    """Deductions that add up to more than the gross revenue are refused on the deductions
    typed (not zero): 60,00 + 40,00 + 0,01 = 100,01 > 100,00."""
    with pytest.raises(FormInputError, match=r"more than GROSS REVENUE 100\.00") as caught:
        from_form(gross_revenue="100,00", cancellations="60,00", taxes="40,00", discounts="0,01")
    assert caught.value.field == "cancellations"
    assert [item.field for item in caught.value.refused] == ["cancellations", "taxes", "discounts"]
    with ecfmetric.language("pt"):
        assert str(caught.value.refused[0].reason) == (
            "as deduções somam 100,01, mais que TOTAL RECEITA BRUTA 100,00 (informado: '60,00')"
        )


def test_deductions_equal_to_gross_give_zero() -> None:
    """Deductions equal to the gross revenue leave exactly zero."""
    metric = from_form(gross_revenue="100,00", cancellations="60,00", taxes="40,00", discounts=0)
    assert metric.net_revenue == Decimal("0.00")


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("11.222.333/0001-81", "11222333000181"),
        ("11222333000181", "11222333000181"),
        ("12.ABC.345/01DE-35", "12ABC34501DE35"),
    ],
)
def test_cnpj_is_checked_and_normalised(typed: str, normal: str) -> None:
    """A CNPJ, masked or bare, numeric or alphanumeric, comes out as its 14 characters."""
    metric = from_form(gross_revenue=1, cancellations=0, taxes=0, discounts=0, cnpj=typed)
    assert metric.cnpj == normal


@pytest.mark.parametrize("typed", ["11.222.333/0001-82", "11111111111111", "123", "ABCDEFGHIJKLMN"])
def test_bad_cnpj_is_refused(typed: str) -> None:
    """A CNPJ with wrong check digits or shape is refused, naming the cnpj field."""
    with pytest.raises(FormInputError) as caught:
        from_form(gross_revenue=1, cancellations=0, taxes=0, discounts=0, cnpj=typed)
    assert caught.value.field == "cnpj"


def test_reference_year_and_name() -> None:
    """The year and name pass through; an implausible year is refused."""
    metric = from_form(
        gross_revenue=1,
        cancellations=0,
        taxes=0,
        discounts=0,
        reference_year=2025,
        company_name="ACME",
    )
    assert (metric.reference_year, metric.company_name) == (2025, "ACME")
    with pytest.raises(FormInputError) as caught:
        from_form(gross_revenue=1, cancellations=0, taxes=0, discounts=0, reference_year=1850)
    assert caught.value.field == "reference_year"


def test_form_lines_show_the_typed_values() -> None:
    """The provenance of a form metric lists each typed value under the portal's label."""
    metric = from_form(gross_revenue="500,00", cancellations="1,00", taxes="2,00", discounts="3,00")
    by_component = {line.component: line.amount for line in metric.lines}
    assert by_component["taxes"] == Decimal("2.00")
    assert {line.description for line in metric.lines} >= {
        "TOTAL RECEITA BRUTA",
        "(-) Descontos Incondicionais",
    }


cents = st.integers(min_value=0, max_value=10**15)


def _brl(value: int) -> str:
    whole, cent = divmod(value, 100)
    grouped = f"{whole:,}".replace(",", ".")
    return f"{grouped},{cent:02d}"


@given(
    gross=cents, parts=st.lists(st.integers(min_value=0, max_value=10**6), min_size=4, max_size=4)
)
def test_net_is_gross_minus_deductions_exactly(gross: int, parts: list[int]) -> None:
    """For any amounts in cents, net = gross − the four deductions, exactly, in any notation."""
    total = sum(parts)
    gross = max(gross, total)
    metric = from_form(
        gross_revenue=_brl(gross),
        cancellations=_brl(parts[0]),
        taxes=Decimal(parts[1]) / 100,
        discounts=f"{parts[2] // 100},{parts[2] % 100:02d}",
        other_deductions=_brl(parts[3]),
    )
    assert metric.net_revenue == (Decimal(gross) - Decimal(total)) / 100
    assert metric.net_revenue is not None
    assert metric.net_revenue >= 0


def test_largest_amount_is_exact() -> None:
    """The largest amount (17 integer digits, as in the ECF) is parsed and subtracted exactly."""
    metric = from_form(gross_revenue="9" * 17 + ",00", cancellations="0,01", taxes=0, discounts=0)
    assert metric.gross_revenue == Decimal("9" * 17)
    assert metric.net_revenue == Decimal("9" * 16 + "8.99")
