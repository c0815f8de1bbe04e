from django import forms


class SubmitForReviewForm(forms.Form):
    note = forms.CharField(
        label="Note for the reviewer (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What changed, and anything you want them to check.",
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label="What should the editor change?",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The editor sees this on the draft and gets it by email.",
    )
