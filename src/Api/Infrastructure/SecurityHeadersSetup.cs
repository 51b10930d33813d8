using Marquee.Api.Hosting;

namespace Marquee.Api.Infrastructure;

public static class SecurityHeadersSetup
{
    /// <summary>
    /// JSON endpoints get the strictest policy (nothing may load, nothing may frame them). The two
    /// browser UIs, Scalar and the dashboard, run their own bundled scripts and styles from this origin.
    /// </summary>
    public static IApplicationBuilder UseMarqueeSecurityHeaders(this IApplicationBuilder app)
    {
        var api = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyNoReferrer()
            .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().None();
                csp.AddFrameAncestors().None();
            })
            .RemoveServerHeader();

        var browserUi = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyNoReferrer()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().UnsafeInline();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self().Data();
                csp.AddConnectSrc().Self();
                csp.AddFrameAncestors().None();
            })
            .RemoveServerHeader();

        // The web app (its files and deep links): own-origin scripts only, never inline; inline styles
        // because Angular injects component styles as <style> elements at run time.
        var webApp = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyNoReferrer()
            .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
                csp.AddObjectSrc().None();
            })
            .RemoveServerHeader();

        var web = app.ApplicationServices.GetRequiredService<WebApp>();
        static bool IsBrowserUi(HttpContext context) =>
            context.Request.Path.StartsWithSegments("/scalar") || context.Request.Path.StartsWithSegments("/dashboard");

        return app.UseWhen(IsBrowserUi, ui => ui.UseSecurityHeaders(browserUi))
            .UseWhen(context => !IsBrowserUi(context) && web.Owns(context), spa => spa.UseSecurityHeaders(webApp))
            .UseWhen(context => !IsBrowserUi(context) && !web.Owns(context), rest => rest.UseSecurityHeaders(api));
    }
}
