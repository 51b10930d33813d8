using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Marquee.Api.Hosting;

/// <summary>Where the built web app lives (section <c>Web</c>).</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>The folder of the built app (the one holding index.html); default <c>&lt;ContentRoot&gt;/wwwroot</c>.</summary>
    public string? Root { get; set; }
}

/// <summary>The web app as this process serves it: present only when its folder holds an index.html.</summary>
public sealed partial class WebApp
{
    public const string IndexFile = "index.html";

    /// <summary>Paths that belong to the API and the operator UIs: never the app, never its fallback.</summary>
    private static readonly string[] ReservedPrefixes = ["/api", "/health", "/metrics", "/openapi", "/scalar", "/dashboard"];

    public WebApp(IOptions<WebOptions> options, IHostEnvironment environment, ILogger<WebApp> logger)
    {
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.Root)
            ? Path.Combine(environment.ContentRootPath, "wwwroot")
            : Path.Combine(environment.ContentRootPath, options.Value.Root));
        if (File.Exists(Path.Combine(Root, IndexFile)))
        {
            Files = new PhysicalFileProvider(Root);
        }
        else
        {
            LogNotServed(logger, Root);
        }
    }

    public string Root { get; }

    /// <summary>The app's files, or null when there is no app to serve.</summary>
    public PhysicalFileProvider? Files { get; }

    public bool Enabled => Files is not null;

    public static bool IsReserved(PathString path) => ReservedPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a request is the app's (a file, a deep link, index.html) rather than a JSON route's.</summary>
    public bool Owns(HttpContext context) => Enabled && !IsReserved(context.Request.Path);

    /// <summary>Angular's build names emitted files name-HASH.ext (main-ABCD1234.js, chunk-…, styles-…, media/…).</summary>
    public static bool IsHashed(string fileName) => HashedName().IsMatch(fileName);

    [GeneratedRegex(@"-[A-Za-z0-9]{8,}\.[A-Za-z0-9]+$")]
    private static partial Regex HashedName();

    [LoggerMessage(Level = LogLevel.Warning, Message = "No web app at {Root} (index.html missing): the app is not served")]
    private static partial void LogNotServed(ILogger logger, string root);
}

public static class WebAppHosting
{
    public static IServiceCollection AddMarqueeWebApp(this IServiceCollection services)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
        services.AddSingleton<WebApp>();
        // The app's own files only (scripts, styles, the page): they hold no secret, so compressing
        // them over HTTPS cannot leak one (BREACH); JSON and the SSE stream stay as they are.
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.MimeTypes = ["text/javascript", "application/javascript", "text/css", "text/html", "image/svg+xml"];
        });
        return services;
    }

    /// <summary>
    /// Serves the app's files: hashed ones cached for a year, index.html never without revalidation.
    /// A GET or HEAD that names no file and no endpoint, outside the reserved prefixes, gets index.html
    /// so deep links reach the app's router.
    /// </summary>
    public static IApplicationBuilder UseMarqueeWebApp(this IApplicationBuilder app)
    {
        var web = app.ApplicationServices.GetRequiredService<WebApp>();
        if (web.Files is not { } files)
        {
            return app;
        }
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && context.GetEndpoint() is null
                && !WebApp.IsReserved(request.Path)
                && !(request.Path.HasValue && request.Path.Value != "/" && files.GetFileInfo(request.Path.Value).Exists))
            {
                request.Path = "/" + WebApp.IndexFile;
            }
            await next(context);
        });
        return app.UseWhen(context => !WebApp.IsReserved(context.Request.Path), branch => branch
            .Use((context, next) =>
            {
                Precompressed.Choose(context, files);
                return next(context);
            })
            .UseResponseCompression()
            .UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = Precompressed.ContentTypes,
                OnPrepareResponse = prepared =>
                {
                    prepared.Context.Response.Headers[HeaderNames.CacheControl] = WebApp.IsHashed(Precompressed.OriginalName(prepared.Context, prepared.File.Name))
                        ? "public, max-age=31536000, immutable"
                        : "no-cache";
                },
            }));
    }
}

/// <summary>
/// The build writes NAME.br and NAME.gz beside each script, style sheet and page (Brotli at its best
/// quality, once, instead of a fast level on every request); a client that accepts one gets it, with
/// the original's type and caching. Files without such siblings are compressed on the fly.
/// </summary>
internal static class Precompressed
{
    private const string OriginalNameKey = "marquee.web.original-name";
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];
    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <summary>Types by the name the variant stands for: main-X.js.br is text/javascript.</summary>
    public static IContentTypeProvider ContentTypes { get; } = new VariantContentTypes();

    public static void Choose(HttpContext context, IFileProvider files)
    {
        var request = context.Request;
        if (request.Path.Value is not { Length: > 1 } path || !files.GetFileInfo(path).Exists)
        {
            return;
        }
        var variants = Encodings.Where(variant => files.GetFileInfo(path + variant.Suffix).Exists).ToList();
        if (variants.Count == 0)
        {
            return;
        }
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted))
        {
            return;
        }
        foreach (var (encoding, suffix) in variants)
        {
            if (accepted.Any(value => value.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && value.Quality is null or > 0))
            {
                context.Items[OriginalNameKey] = Path.GetFileName(path);
                context.Response.Headers.ContentEncoding = encoding;
                request.Path = path + suffix;
                return;
            }
        }
    }

    public static string OriginalName(HttpContext context, string servedName) =>
        context.Items.TryGetValue(OriginalNameKey, out var name) && name is string original ? original : servedName;

    private sealed class VariantContentTypes : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Encodings)
            {
                if (subpath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && Types.TryGetContentType(subpath[..^suffix.Length], out contentType!))
                {
                    return true;
                }
            }
            return Types.TryGetContentType(subpath, out contentType!);
        }
    }
}
